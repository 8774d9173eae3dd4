/**
 * The registry names types and inputs in code style ("SendNotification", "candidateParty"); people read
 * "Send notification" and "Candidate party". A name that already reads as words is kept.
 */
export function humanise(name: string): string {
  if (/\s/.test(name)) return name;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").split(" ");
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : /^[A-Z]+$/.test(w) && w.length > 1 ? w : w.toLowerCase())).join(" ");
}

/** An activity id not yet used: the type in camelCase, numbered ("sendNotification2"). */
export function newActivityId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = type.charAt(0).toLowerCase() + type.slice(1);
  for (let n = 1; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}
