/**
 * A modal question the fill engine asks (overwrite cells it did not write; undo over later
 * edits). `useConfirm` turns the engine's `confirm(text): Promise<boolean>` callback into a
 * Dialog: the promise settles when the official answers (Esc or closing = no).
 */
import { useCallback, useRef, useState } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

interface PendingQuestion {
  title: string;
  message: string;
  resolve(answer: boolean): void;
}

export function useConfirm(): {
  ask(title: string, message: string): Promise<boolean>;
  pending: PendingQuestion | null;
  answer(yes: boolean): void;
} {
  const [pending, setPending] = useState<PendingQuestion | null>(null);
  const pendingRef = useRef<PendingQuestion | null>(null);
  const ask = useCallback(
    (title: string, message: string) =>
      new Promise<boolean>((resolve) => {
        const question = { title, message, resolve };
        pendingRef.current = question;
        setPending(question);
      }),
    [],
  );
  const answer = useCallback((yes: boolean) => {
    const question = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    question?.resolve(yes);
  }, []);
  return { ask, pending, answer };
}

const useStyles = makeStyles({
  message: { whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  note: { marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

export interface ConfirmDialogProps {
  pending: PendingQuestion | null;
  note?: string;
  confirmText: string;
  cancelText: string;
  onAnswer(yes: boolean): void;
}

export function ConfirmDialog({ pending, note, confirmText, cancelText, onAnswer }: ConfirmDialogProps) {
  const styles = useStyles();
  return (
    <Dialog modalType="alert" open={pending !== null} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface aria-describedby="xsg-confirm-message">
        <DialogBody>
          <DialogTitle>{pending?.title}</DialogTitle>
          <DialogContent>
            <p id="xsg-confirm-message" className={styles.message}>
              {pending?.message}
            </p>
            {note && <p className={styles.note}>{note}</p>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {confirmText}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {cancelText}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
