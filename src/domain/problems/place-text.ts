import { templatePartText } from "./messages/templates";
import type { Place } from "./place";

/** A place as the reader names it: 「a.xlsx」・シート「申請様式」・C14, 「issued.csv」・3行目, 通知メールの件名; "" when unknown. */
export function placeText(place: Place): string {
  const parts: string[] = [];
  if (place.file !== undefined) parts.push(`「${place.file}」`);
  if (place.sheet !== undefined) parts.push(`シート「${place.sheet}」`);
  if (place.row !== undefined) parts.push(place.column !== undefined ? `${place.column}${place.row}` : `${place.row}行目`);
  else if (place.column !== undefined) parts.push(`${place.column}列`);
  if (place.line !== undefined) parts.push(`${place.line}行目`);
  if (place.part !== undefined) parts.push(templatePartText(place.part));
  return parts.join("・");
}
