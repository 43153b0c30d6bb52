import type { ReviewSubmission } from "../review/submission";

/**
 * Which earlier submission each submission is a newer version of (id → previous id): the latest earlier one from a
 * file of the same name, otherwise the latest earlier one for the same institution (same AJ code). Order = import order.
 */
export function previousVersions(submissions: readonly Pick<ReviewSubmission, "id" | "fileName" | "institution">[]): Map<string, string> {
  const out = new Map<string, string>();
  submissions.forEach((s, i) => {
    const earlier = submissions.slice(0, i).reverse();
    const previous =
      earlier.find((e) => e.fileName === s.fileName) ??
      (s.institution.code !== undefined ? earlier.find((e) => e.institution.code === s.institution.code) : undefined);
    if (previous) out.set(s.id, previous.id);
  });
  return out;
}
