import { Combobox, Field, Option, type ComboboxProps } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import type { MasterRecord } from "../../../domain";

interface Props {
  label: string;
  placeholder: string;
  search: (query: string) => MasterRecord[];
  onPick: (record: MasterRecord | undefined) => void;
}

/** Search a master by name, kana or code; the list shows at most the first 50 matches (MasterIndex.search). */
export function MasterSearch({ label, placeholder, search, onPick }: Props) {
  // What the box shows (the chosen option's text after a choice) and what was searched are kept apart.
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const deferred = useDeferredValue(query);
  const results = useMemo(() => search(deferred), [search, deferred]);
  const byCode = useMemo(() => new Map(results.map((r) => [r.code, r])), [results]);
  const onOptionSelect: ComboboxProps["onOptionSelect"] = (_, data) => {
    const record = data.optionValue ? byCode.get(data.optionValue) : undefined;
    if (record) setText(optionText(record));
    onPick(record);
  };
  const noMatch = deferred !== "" && results.length === 0;
  return (
    <Field label={label} hint={noMatch ? "一致するものがありません。" : `名前の一部・カナ・コードで検索できます（最大${LIMIT}件を表示）。`}>
      <Combobox
        freeform
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setQuery(e.target.value);
          onPick(undefined);
        }}
        onOptionSelect={onOptionSelect}
      >
        {results.map((r) => (
          <Option key={r.code} value={r.code} text={optionText(r)}>
            {optionText(r)}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}

const LIMIT = 50;

export function optionText(r: MasterRecord): string {
  return `${r.code} ${r.name ?? ""}${r.kana ? `（${r.kana}）` : ""}`.trim();
}
