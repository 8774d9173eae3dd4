// Machine names (outcomes, options, events, actors) as the words people read.

/**
 * Machine names as words: "accept" → "Accept", "ballot-of-all-members" → "Ballot of all members",
 * "SendNotification" → "Send notification", "candidateParty" → "Candidate party"; acronyms stay ("SMS code").
 * A name that already reads as words is kept.
 */
export function humanise(name: string | undefined | null): string {
  if (!name) return "";
  if (/\s/.test(name.trim())) return name;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_-]+/)
    .filter(Boolean);
  return words
    .map((w, i) => (/^[A-Z]{2,}$/.test(w) ? w : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join(" ");
}

/** The journal's actor ("user:x@y", "api-key:rtm_Ab (user:x@y)", "system") as a person reads it. */
export function actorName(actor: string | undefined | null): string {
  if (!actor) return "";
  const user = /user:([^)\s]+)/.exec(actor);
  if (user) return actor.startsWith("api-key:") ? `${user[1]} (API key)` : user[1];
  if (actor === "system" || actor.startsWith("timer") || actor.startsWith("scheduler")) return "RightToManage";
  return actor;
}

/** "48 KB", "1.2 MB". */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
