/**
 * Many short texts as one string and the end of each in it. Structured clone copies an array of 180,000 strings one
 * string at a time, on the receiving (main) thread; one string plus a transferable buffer of ends copies in one piece.
 */
export interface PackedText {
  text: string;
  ends: Uint32Array;
}

export function packTexts(values: readonly string[]): PackedText {
  const ends = new Uint32Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i].length;
    ends[i] = total;
  }
  return { text: values.join(""), ends };
}
