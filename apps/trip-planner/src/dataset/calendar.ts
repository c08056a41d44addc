/** Dates of the trip's days. Calendar arithmetic stays in TypeScript: Dana has no date type. */

export interface TripDay {
  /** 0-based. */
  index: number;
  /** YYYY-MM-DD. */
  date: string;
  /** 0 = Monday … 6 = Sunday, as the dataset's `closed_weekdays`. */
  weekday: number;
}

export function tripDays(startDate: string, durationDays: number): TripDay[] {
  const start = new Date(`${startDate}T00:00:00Z`);
  return Array.from({ length: durationDays }, (_, index) => {
    const day = new Date(start.getTime() + index * 86_400_000);
    return { index, date: day.toISOString().slice(0, 10), weekday: (day.getUTCDay() + 6) % 7 };
  });
}
