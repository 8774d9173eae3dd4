/**
 * The last day of a deadline, "2026-12-04", from the moment it passes (00:00 London time on the day after), for
 * lists such as the cases' that give only that moment.
 */
export function lastDayOf(passesAt: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.parse(passesAt) - 1));
}
