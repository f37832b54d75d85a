//! The date of Easter, on which several Belgian holidays and closing days depend.

use jiff::civil::{Date, date};

/// Easter Sunday of `year` in the Gregorian calendar.
///
/// Uses the anonymous Gregorian algorithm (Meeus/Jones/Butcher); the single-letter names follow
/// its published form so that the code can be checked against it.
///
/// # Panics
///
/// Panics when `year` is outside the range jiff supports (-9999..=9999).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // The algorithm yields month 3 or 4 and a day of at most 31, so the casts cannot truncate.
    date(year, month as i8, day as i8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_easter_sundays() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn extremes_of_the_easter_range() {
        // 22 March and 25 April are the earliest and latest possible dates.
        assert_eq!(easter_sunday(2285), date(2285, 3, 22));
        assert_eq!(easter_sunday(1943), date(1943, 4, 25));
    }
}
