/** A Chinese-first message under an action: what happened, or why nothing was written. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface Notice {
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text: string;
}

export function NoticeBar({ notice }: { notice: Notice }) {
  // multiline: at taskpane width the text wraps under the icon instead of being cut off.
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
      </MessageBarBody>
    </MessageBar>
  );
}
