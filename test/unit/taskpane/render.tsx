/**
 * Minimal React test harness (no testing-library here): mount with react-dom/client inside act,
 * query the real DOM, fire real events. Fluent UI portals render into document.body, so queries
 * search the whole document.
 */
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";

// React 19 warns unless the environment says act() is in use.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

const mounted: Mounted[] = [];

export function render(element: ReactElement): Mounted {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(element));
  const handle = {
    container,
    root,
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
  mounted.push(handle);
  return handle;
}

/** Unmount everything rendered by the current test (call from afterEach). */
export function cleanup(): void {
  while (mounted.length) mounted.pop()!.unmount();
  document.body.innerHTML = "";
}

/** Let pending promises and effects settle inside act. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export function click(element: Element | null | undefined): void {
  if (!element) throw new Error("click: element not found");
  act(() => {
    (element as HTMLElement).dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
  });
}

/** Type into an <input> the way React notices (native value setter + input event). */
export function typeInto(input: Element | null | undefined, value: string): void {
  if (!input) throw new Error("typeInto: input not found");
  const element = input as HTMLInputElement;
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  act(() => {
    setter.call(element, value);
    element.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

export function keyDown(element: Element | null | undefined, key: string): void {
  if (!element) throw new Error("keyDown: element not found");
  act(() => {
    element.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  });
}

/** Elements whose own text contains `text`, innermost first. */
export function byText(text: string, root: ParentNode = document.body, selector = "*"): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((element) =>
    element.textContent?.includes(text),
  );
  return all.filter((element) => !all.some((other) => other !== element && element.contains(other)));
}

export function getByText(text: string, root: ParentNode = document.body, selector = "*"): HTMLElement {
  const found = byText(text, root, selector);
  if (found.length === 0) throw new Error(`no element with text “${text}”`);
  return found[0];
}

/** The button whose visible text contains `text`. */
export function button(text: string, root: ParentNode = document.body): HTMLButtonElement {
  const found = Array.from(root.querySelectorAll("button")).find((candidate) => candidate.textContent?.includes(text));
  if (!found) throw new Error(`no button “${text}”`);
  return found;
}

/** Open a Fluent Dropdown (by its combobox element) and click the option with this text in ITS listbox. */
export function chooseOption(combobox: Element, optionText: string): void {
  click(combobox);
  const listboxId = combobox.getAttribute("aria-controls");
  const listbox = listboxId ? document.getElementById(listboxId) : null;
  if (!listbox) throw new Error("chooseOption: the dropdown did not open a listbox");
  const options = Array.from(listbox.querySelectorAll('[role="option"]'));
  const option = options.find((candidate) => candidate.textContent?.trim() === optionText);
  if (!option) throw new Error(`no option “${optionText}” among ${JSON.stringify(options.map((o) => o.textContent))}`);
  click(option);
}
