import { Button } from "@fluentui/react-components";
import { useEffect, useRef } from "react";

/** 元に戻す takes the focus when it appears: the card the user was on is gone, and this is where they can go back. */
export function UndoButton({ label, onClick }: { label: string; onClick: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const t = setTimeout(() => ref.current?.focus(), 50);
    return () => clearTimeout(t);
  }, []);
  return (
    <Button ref={ref} size="small" data-testid="undo-removal" onClick={onClick}>
      {label}
    </Button>
  );
}
