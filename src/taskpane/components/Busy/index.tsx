import { Field, ProgressBar } from "@fluentui/react-components";
import { usePaneState } from "../../state/pane-context";

/** What the pane is doing right now, with a progress bar when the work is measured (big sheets, master files). */
export function Busy() {
  const busy = usePaneState((s) => s.busy);
  if (!busy) return null;
  const measured = busy.total !== undefined && busy.total > 0;
  const percent = measured ? Math.round((100 * busy.done!) / busy.total!) : undefined;
  return (
    <Field
      validationMessage={measured ? `${busy.done!.toLocaleString("ja-JP")} / ${busy.total!.toLocaleString("ja-JP")}（${percent}%）` : undefined}
      validationState="none"
      label={busy.label}
      aria-live="polite"
    >
      {/* No width transition: it would lay out and repaint the pane on every frame of a read that reports often. */}
      <ProgressBar value={measured ? busy.done! / busy.total! : undefined} aria-label={busy.label} bar={{ style: { transition: "none" } }} />
    </Field>
  );
}
