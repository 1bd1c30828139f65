/**
 * Time in the demo administration: whole seconds since 2025-01-01T00:00:00
 * local time (Africa/Douala has no daylight saving, so local time is plain
 * arithmetic). Formatting goes through lookup tables: it runs millions of times.
 */

const secondsPerDay = 86_400;
/** The demo year. */
export const demoYear = 2025;
/** First day (relative to 1 January) that can be formatted: arrivals before New Year. */
const firstDay = -120;
/** Number of formattable days, covering releases and exits well into the next year. */
const dayCount = 365 + 240;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const dayText: string[] = [];
const dayMonth: number[] = [];
const dayWeekday: number[] = [];
for (let i = 0; i < dayCount; i++) {
  const date = new Date(Date.UTC(demoYear, 0, 1 + firstDay + i));
  dayText.push(
    `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`,
  );
  dayMonth.push((date.getUTCFullYear() - demoYear) * 12 + date.getUTCMonth());
  dayWeekday.push(date.getUTCDay());
}
const minuteText: string[] = Array.from(
  { length: 1440 },
  (_, m) => `T${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`,
);
const secondText: string[] = Array.from({ length: 60 }, (_, s) => pad2(s));

/** Seconds in a day. */
export const daySeconds = secondsPerDay;
/** Seconds in an hour. */
export const hourSeconds = 3_600;

/** Working hours of offices that are not open around the clock: Mon–Fri, 07:30 to 17:30. */
export const workingHours = { opens: 7.5 * 3_600, closes: 17.5 * 3_600 } as const;

function dayIndex(seconds: number): number {
  const i = Math.floor(seconds / secondsPerDay) - firstDay;
  if (i < 0 || i >= dayCount) throw new RangeError(`demo time out of range: ${seconds}`);
  return i;
}

/** ISO timestamp without offset (`2025-03-14T09:30:00`) of a demo time. */
export function formatTimestamp(seconds: number): string {
  const i = dayIndex(seconds);
  const inDay = seconds - (i + firstDay) * secondsPerDay;
  return (
    (dayText[i] as string) +
    (minuteText[Math.floor(inDay / 60)] as string) +
    (secondText[inDay % 60] as string)
  );
}

/** `YYYY-MM-DD` of a day number (0 = 1 January of the demo year). */
export function formatDate(day: number): string {
  const known = dayText[day - firstDay];
  if (known !== undefined) return known;
  const date = new Date(Date.UTC(demoYear, 0, 1 + day));
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/** Month of a demo time, 0 = January of the demo year (12 = January of the next). */
export function monthOf(seconds: number): number {
  return dayMonth[dayIndex(seconds)] as number;
}

/** Day of the week of a day number, 0 = Sunday. */
export function weekdayOf(day: number): number {
  return dayWeekday[day - firstDay] ?? 0;
}

/** Whether a demo time falls in working hours (Mon–Fri 07:30–17:30). */
export function isWorkingTime(seconds: number): boolean {
  const day = Math.floor(seconds / secondsPerDay);
  const weekday = weekdayOf(day);
  const inDay = seconds - day * secondsPerDay;
  return weekday >= 1 && weekday <= 5 && inDay >= workingHours.opens && inDay < workingHours.closes;
}

/** The same time when it is in working hours, else the next opening. */
export function nextWorkingTime(seconds: number): number {
  if (isWorkingTime(seconds)) return seconds;
  let day = Math.floor(seconds / secondsPerDay);
  const inDay = seconds - day * secondsPerDay;
  if (inDay >= workingHours.opens) day += 1;
  while (weekdayOf(day) === 0 || weekdayOf(day) === 6) day += 1;
  return day * secondsPerDay + workingHours.opens;
}

/** Public holidays of the demo year (day numbers), when few declarations are lodged. */
export const publicHolidays: ReadonlySet<number> = new Set(
  ['01-01', '02-11', '04-18', '05-01', '05-20', '05-29', '08-15', '12-25'].map((md) => {
    const [m, d] = md.split('-').map(Number);
    return (Date.UTC(demoYear, (m ?? 1) - 1, d ?? 1) - Date.UTC(demoYear, 0, 1)) / 86_400_000;
  }),
);

/** Seconds of the end of the data extract: releases after it are "not yet released". */
export const extractCutoff = (365 + 9) * secondsPerDay;
