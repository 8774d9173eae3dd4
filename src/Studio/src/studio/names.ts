/** An activity id not yet used: the type in camelCase, numbered ("sendNotification2"). */
export function newActivityId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const stem = type.charAt(0).toLowerCase() + type.slice(1);
  for (let n = 1; ; n++) if (!used.has(`${stem}${n}`)) return `${stem}${n}`;
}
