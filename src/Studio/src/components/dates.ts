// Dates as people in England read them: "18 December 2026", London time.
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const dayTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "numeric", minute: "2-digit", hour12: true, timeZone: "Europe/London" });

/** "18 December 2026", from a date ("2026-12-18") or a moment. */
export function formatDay(value: string | undefined | null): string {
  if (!value) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return day.format(date);
}

/** "18 December 2026 at 2:05pm", or "… at midnight". */
export function formatMoment(value: string | undefined | null): string {
  if (!value) return "";
  const parts = dayTime.formatToParts(new Date(value));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}${get("dayPeriod").toLowerCase()}`;
  // The GOV.UK style says "midnight" and "midday" rather than 12am and 12pm, which people misread.
  const named = time === "12:00am" ? "midnight" : time === "12:00pm" ? "midday" : time;
  return `${get("day")} ${get("month")} ${get("year")} at ${named}`;
}

// "2026-12-04": the calendar day in London of a moment.
const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" });

/**
 * The last day of a deadline, "2026-12-04", from the moment it passes (00:00 London time on the day after), for
 * lists such as the cases' that give only that moment.
 */
export function lastDayOf(passesAt: string): string {
  return isoDay.format(new Date(Date.parse(passesAt) - 1));
}

/** Whole days from today (London) to a last day: 0 today, negative once passed. */
export function daysUntil(lastDay: string, now: Date = new Date()): number {
  const today = isoDay.format(now);
  return Math.round((Date.parse(`${lastDay}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
