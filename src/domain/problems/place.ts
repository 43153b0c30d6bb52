/** Where a problem is, as far as it is known: a file, a sheet of it, a cell (row + column), a line of a CSV, a template part. */
export interface Place {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
  /** A line of a text file (the issued CSV: header = 1). */
  line?: number;
  /** A part of a mail template (e.g. "single.subject"). */
  part?: string;
}
