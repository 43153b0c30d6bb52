import { Combobox, Field, Option, type ComboboxProps } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import type { MasterRecord } from "../../../domain";

interface Props {
  label: string;
  placeholder: string;
  /** What can be searched, as the master allows it (the official 保健所マスタ has no reading column: only place readings). */
  searchable?: string;
  search: (query: string) => MasterRecord[];
  onPick: (record: MasterRecord | undefined) => void;
  /** An option's text (default optionText). */
  describe?: (record: MasterRecord) => string;
}

/** Search a master by name, kana or code; the list shows at most the first 50 matches (MasterIndex.search). */
export function MasterSearch({ label, placeholder, searchable = "名前の一部・カナ・コード", search, onPick, describe = optionText }: Props) {
  // What the box shows (the chosen option's text after a choice) and what was searched are kept apart.
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  // The list opens as the user types (after Tab, or after a click closed it), not only on ↓.
  const [open, setOpen] = useState(false);
  const deferred = useDeferredValue(query);
  const results = useMemo(() => search(deferred), [search, deferred]);
  const byCode = useMemo(() => new Map(results.map((r) => [r.code, r])), [results]);
  const onOptionSelect: ComboboxProps["onOptionSelect"] = (_, data) => {
    const record = data.optionValue ? byCode.get(data.optionValue) : undefined;
    if (record) setText(describe(record));
    onPick(record);
  };
  const noMatch = deferred !== "" && results.length === 0;
  return (
    <Field label={label} hint={noMatch ? "一致するものがありません。" : `${searchable}で検索できます（最大${LIMIT}件を表示）。`}>
      <Combobox
        freeform
        placeholder={placeholder}
        value={text}
        open={open}
        onOpenChange={(_, d) => setOpen(d.open)}
        // The chevron is not a Tab stop of its own (the box opens by typing or Alt+↓); its name is Japanese.
        expandIcon={{ tabIndex: -1, "aria-label": "一覧を開く" }}
        onChange={(e) => {
          setText(e.target.value);
          setQuery(e.target.value);
          setOpen(e.target.value !== "");
          onPick(undefined);
        }}
        onOptionSelect={onOptionSelect}
      >
        {noMatch ? (
          <Option key="no-match" value="" text="一致なし" disabled>
            一致なし
          </Option>
        ) : (
          results.map((r) => (
            <Option key={r.code} value={r.code} text={describe(r)}>
              {describe(r)}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}

const LIMIT = 50;

export function optionText(r: MasterRecord): string {
  return `${r.code} ${r.name ?? ""}${r.kana ? `（${r.kana}）` : ""}`.trim();
}

/** An institution's option: with its 都道府県, so that same names in different prefectures can be told apart. */
export function institutionText(r: MasterRecord): string {
  return r.prefecture ? `${optionText(r)}　${r.prefecture}` : optionText(r);
}
