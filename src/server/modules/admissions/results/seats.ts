/**
 * A number of seats as classes × pupils per class, as rounds store them (1–100 classes of 1–60
 * pupils), with the fewest classes: exact whenever such a product exists, e.g. 7 → 1 × 7,
 * 90 → 2 × 45 (a prime up to 100 becomes that many classes of one: staff may regroup the draft).
 * A number with no such product (a prime above 100, say 101) gets the largest one below it
 * (100 = 2 × 50), so a school is never offered more seats than were released.
 */
export function seatsAsClasses(n: number): { classes: number; pupilsPerClass: number; seats: number } {
  for (let m = Math.min(n, 6000); m >= 1; m--) {
    for (let pupils = Math.min(60, m); pupils >= 1; pupils--) {
      if (m % pupils === 0 && m / pupils <= 100) return { classes: m / pupils, pupilsPerClass: pupils, seats: m };
    }
  }
  return { classes: 1, pupilsPerClass: 1, seats: 1 };
}
