//! Date and time types: `xs:dateTime`, `xs:date`, `xs:time`, `xs:duration` and the Gregorian
//! fragments (`xs:gYear`, `xs:gYearMonth`, `xs:gMonth`, `xs:gDay`, `xs:gMonthDay`).
//!
//! Values keep what the sender wrote: fractional seconds are kept as the exact digits, an
//! absent timezone stays absent and `Z` is distinguished from `+00:00`. Years may be negative
//! or have more than four digits; `24:00:00` is accepted as XSD allows.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use super::trim_ws;
use crate::error::ValueError;
use crate::xml::XsdSimple;

/// A timezone offset of a date/time value: `Z` or `±hh:mm` (at most 14 hours).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timezone {
    minutes: i16,
    z: bool,
}

impl Timezone {
    /// UTC written as `Z`.
    pub const UTC: Timezone = Timezone {
        minutes: 0,
        z: true,
    };

    /// An offset from UTC in minutes, written `±hh:mm` (`+00:00` for 0).
    pub fn offset(minutes: i16) -> Result<Self, ValueError> {
        if minutes.unsigned_abs() > 14 * 60 {
            return Err(ValueError::new(
                "dateTime",
                format!("timezone offset {minutes} minutes is beyond ±14:00"),
            ));
        }
        Ok(Timezone { minutes, z: false })
    }

    /// The offset from UTC in minutes.
    pub fn minutes(&self) -> i16 {
        self.minutes
    }

    /// True when written as `Z`.
    pub fn is_z(&self) -> bool {
        self.z
    }

    /// `Some(0)` becomes [`Timezone::UTC`] (`Z`), other values an offset.
    fn from_minutes(
        minutes: Option<i16>,
        expected: &'static str,
    ) -> Result<Option<Self>, ValueError> {
        match minutes {
            None => Ok(None),
            Some(0) => Ok(Some(Timezone::UTC)),
            Some(m) => Timezone::offset(m)
                .map(Some)
                .map_err(|e| ValueError::new(expected, e.reason)),
        }
    }

    fn write(&self, out: &mut String) {
        if self.z {
            out.push('Z');
            return;
        }
        let sign = if self.minutes < 0 { '-' } else { '+' };
        let abs = self.minutes.unsigned_abs();
        let _ = write!(out, "{sign}{:02}:{:02}", abs / 60, abs % 60);
    }
}

impl fmt::Display for Timezone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(6);
        self.write(&mut s);
        f.write_str(&s)
    }
}

/// True for leap years in the proleptic Gregorian calendar with a year zero (as XSD 1.1).
fn is_leap(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

fn days_in_month(year: Option<i64>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
    }
}

/// A byte cursor over a lexical form.
struct Cursor<'s> {
    s: &'s str,
    i: usize,
    expected: &'static str,
}

impl<'s> Cursor<'s> {
    fn new(text: &'s str, expected: &'static str) -> Self {
        Cursor {
            s: trim_ws(text),
            i: 0,
            expected,
        }
    }

    fn err(&self, reason: impl fmt::Display) -> ValueError {
        ValueError::new(self.expected, format!("`{}`: {reason}", self.s))
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), ValueError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.err(format_args!(
                "expected `{}` at position {}",
                c as char, self.i
            )))
        }
    }

    /// A run of at least one digit.
    fn digit_run(&mut self) -> &'s str {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        self.s.get(start..self.i).unwrap_or_default()
    }

    /// Exactly `n` digits.
    fn fixed(&mut self, n: usize, what: &str) -> Result<u8, ValueError> {
        let run = self.s.get(self.i..self.i + n).unwrap_or_default();
        if run.len() != n || !run.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.err(format_args!("expected {n} digits for the {what}")));
        }
        self.i += n;
        run.parse()
            .map_err(|_| self.err(format_args!("invalid {what}")))
    }

    fn year(&mut self) -> Result<i64, ValueError> {
        let negative = self.eat(b'-');
        let digits = self.digit_run();
        if digits.len() < 4 {
            return Err(self.err("the year needs at least 4 digits"));
        }
        if digits.len() > 4 && digits.starts_with('0') {
            return Err(self.err("a year of more than 4 digits cannot start with 0"));
        }
        if digits.len() > 18 {
            return Err(self.err("the year is out of range"));
        }
        let value: i64 = digits.parse().map_err(|_| self.err("invalid year"))?;
        Ok(if negative { -value } else { value })
    }

    fn month(&mut self) -> Result<u8, ValueError> {
        let m = self.fixed(2, "month")?;
        if !(1..=12).contains(&m) {
            return Err(self.err("the month must be 01 to 12"));
        }
        Ok(m)
    }

    fn day(&mut self, year: Option<i64>, month: Option<u8>) -> Result<u8, ValueError> {
        let d = self.fixed(2, "day")?;
        let max = month.map_or(31, |m| days_in_month(year, m));
        if d == 0 || d > max {
            return Err(self.err("the day is out of range for the month"));
        }
        Ok(d)
    }

    /// `hh:mm:ss(.s+)?`
    fn time(&mut self) -> Result<TimeParts, ValueError> {
        let hour = self.fixed(2, "hour")?;
        self.expect(b':')?;
        let minute = self.fixed(2, "minute")?;
        self.expect(b':')?;
        let second = self.fixed(2, "second")?;
        let fraction = if self.eat(b'.') {
            let digits = self.digit_run();
            if digits.is_empty() {
                return Err(self.err("expected digits after `.`"));
            }
            Some(digits.to_owned())
        } else {
            None
        };
        let parts = TimeParts {
            hour,
            minute,
            second,
            fraction,
        };
        parts.validate().map_err(|r| self.err(r))?;
        Ok(parts)
    }

    /// Optional `Z` or `±hh:mm`.
    fn timezone(&mut self) -> Result<Option<Timezone>, ValueError> {
        if self.eat(b'Z') {
            return Ok(Some(Timezone::UTC));
        }
        let negative = match self.peek() {
            Some(b'+') => false,
            Some(b'-') => true,
            _ => return Ok(None),
        };
        self.i += 1;
        let hours = self.fixed(2, "timezone hours")?;
        self.expect(b':')?;
        let minutes = self.fixed(2, "timezone minutes")?;
        if minutes > 59 || hours > 14 || (hours == 14 && minutes != 0) {
            return Err(self.err("the timezone must be within ±14:00"));
        }
        let total = i16::from(hours) * 60 + i16::from(minutes);
        Ok(Some(Timezone {
            minutes: if negative { -total } else { total },
            z: false,
        }))
    }

    fn finish(&self) -> Result<(), ValueError> {
        if self.i == self.s.len() {
            Ok(())
        } else {
            Err(self.err(format_args!("unexpected characters at position {}", self.i)))
        }
    }
}

/// The time-of-day part shared by [`Time`] and [`DateTime`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
struct TimeParts {
    hour: u8,
    minute: u8,
    second: u8,
    fraction: Option<String>,
}

impl TimeParts {
    /// Sets the fractional seconds to exactly `digits` (`""` removes them), checking them.
    fn set_fraction(&mut self, digits: &str, expected: &'static str) -> Result<(), ValueError> {
        self.fraction = (!digits.is_empty()).then(|| digits.to_owned());
        self.validate().map_err(|r| ValueError::new(expected, r))
    }

    fn validate(&self) -> Result<(), &'static str> {
        if self.minute > 59 {
            return Err("the minute must be 00 to 59");
        }
        if self.second > 59 {
            return Err("the second must be 00 to 59");
        }
        if let Some(f) = &self.fraction {
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return Err("fractional seconds must be digits");
            }
        }
        let frac_zero = self
            .fraction
            .as_deref()
            .is_none_or(|f| f.bytes().all(|b| b == b'0'));
        match self.hour {
            0..=23 => Ok(()),
            24 if self.minute == 0 && self.second == 0 && frac_zero => Ok(()),
            _ => Err("the hour must be 00 to 23 (or 24:00:00)"),
        }
    }

    fn nanosecond(&self) -> u32 {
        fraction_nanos(self.fraction.as_deref())
    }

    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "{:02}:{:02}:{:02}",
            self.hour, self.minute, self.second
        );
        if let Some(f) = &self.fraction {
            out.push('.');
            out.push_str(f);
        }
    }
}

/// The first nine fractional-second digits as nanoseconds.
fn fraction_nanos(fraction: Option<&str>) -> u32 {
    let Some(f) = fraction else { return 0 };
    let mut nanos: u32 = 0;
    for i in 0..9 {
        let digit = f
            .as_bytes()
            .get(i)
            .map_or(0, |b| u32::from(b.saturating_sub(b'0').min(9)));
        nanos = nanos * 10 + digit;
    }
    nanos
}

fn nanos_fraction(nanos: u32) -> Option<String> {
    if nanos == 0 {
        return None;
    }
    let digits = format!("{:09}", nanos.min(999_999_999));
    Some(digits.trim_end_matches('0').to_owned())
}

fn write_year(out: &mut String, year: i64) {
    if year < 0 {
        out.push('-');
    }
    let _ = write!(out, "{:04}", year.unsigned_abs());
}

fn write_tz(out: &mut String, tz: Option<Timezone>) {
    if let Some(tz) = tz {
        tz.write(out);
    }
}

/// Implements `Display`, `FromStr` and `XsdSimple` from `write(&self, &mut String)` and
/// `parse(&str)`.
macro_rules! lexical_impls {
    ($t:ty, $name:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut s = String::with_capacity(32);
                self.write(&mut s);
                f.write_str(&s)
            }
        }

        impl FromStr for $t {
            type Err = ValueError;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }

        impl XsdSimple for $t {
            fn to_text(&self) -> Cow<'_, str> {
                Cow::Owned(self.to_string())
            }

            fn from_text(text: &str) -> Result<Self, ValueError> {
                Self::parse(text)
            }

            const SCHEMA_TYPE: Option<(&'static str, &'static str)> =
                Some((crate::xml::XSD_NS, $name));
        }
    };
}

/// An `xs:dateTime`: `[-]yyyy-mm-ddThh:mm:ss[.fff…][Z|±hh:mm]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DateTime {
    year: i64,
    month: u8,
    day: u8,
    time: TimeParts,
    tz: Option<Timezone>,
}

impl DateTime {
    /// Builds a date-time without fractional seconds. `tz_minutes` `Some(0)` is written `Z`;
    /// use [`with_timezone`](Self::with_timezone) for `+00:00`.
    pub fn new(
        year: i64,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        tz_minutes: Option<i16>,
    ) -> Result<Self, ValueError> {
        let date =
            Date::new(year, month, day, None).map_err(|e| ValueError::new("dateTime", e.reason))?;
        let time = TimeParts {
            hour,
            minute,
            second,
            fraction: None,
        };
        time.validate()
            .map_err(|r| ValueError::new("dateTime", r))?;
        Ok(DateTime {
            year: date.year,
            month: date.month,
            day: date.day,
            time,
            tz: Timezone::from_minutes(tz_minutes, "dateTime")?,
        })
    }

    /// Sets the fractional seconds to exactly `digits` (for example `"1230"`); `""` removes them.
    pub fn with_fraction(mut self, digits: &str) -> Result<Self, ValueError> {
        self.time.set_fraction(digits, "dateTime")?;
        Ok(self)
    }

    /// Sets the fractional seconds from nanoseconds (trailing zeros dropped; 0 removes them).
    pub fn with_nanos(mut self, nanos: u32) -> Self {
        self.time.fraction = nanos_fraction(nanos);
        self
    }

    /// Replaces the timezone.
    pub fn with_timezone(mut self, tz: Option<Timezone>) -> Self {
        self.tz = tz;
        self
    }

    /// The year (may be negative or have more than four digits).
    pub fn year(&self) -> i64 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, 1–31.
    pub fn day(&self) -> u8 {
        self.day
    }
    /// The hour, 0–24 (24 only as `24:00:00`).
    pub fn hour(&self) -> u8 {
        self.time.hour
    }
    /// The minute, 0–59.
    pub fn minute(&self) -> u8 {
        self.time.minute
    }
    /// The whole seconds, 0–59.
    pub fn second(&self) -> u8 {
        self.time.second
    }
    /// The fractional-second digits exactly as given.
    pub fn fraction(&self) -> Option<&str> {
        self.time.fraction.as_deref()
    }
    /// The fractional seconds as nanoseconds (digits beyond the ninth are truncated).
    pub fn nanosecond(&self) -> u32 {
        self.time.nanosecond()
    }
    /// The timezone, if any.
    pub fn timezone(&self) -> Option<Timezone> {
        self.tz
    }
    /// The timezone offset in minutes, if any.
    pub fn timezone_minutes(&self) -> Option<i16> {
        self.tz.map(|t| t.minutes)
    }
    /// The date part (with this value's timezone).
    pub fn date(&self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: self.day,
            tz: self.tz,
        }
    }
    /// The time part (with this value's timezone).
    pub fn time(&self) -> Time {
        Time {
            time: self.time.clone(),
            tz: self.tz,
        }
    }

    fn parse(text: &str) -> Result<Self, ValueError> {
        let mut c = Cursor::new(text, "dateTime");
        let year = c.year()?;
        c.expect(b'-')?;
        let month = c.month()?;
        c.expect(b'-')?;
        let day = c.day(Some(year), Some(month))?;
        c.expect(b'T')?;
        let time = c.time()?;
        let tz = c.timezone()?;
        c.finish()?;
        Ok(DateTime {
            year,
            month,
            day,
            time,
            tz,
        })
    }

    fn write(&self, out: &mut String) {
        write_year(out, self.year);
        let _ = write!(out, "-{:02}-{:02}T", self.month, self.day);
        self.time.write(out);
        write_tz(out, self.tz);
    }
}

lexical_impls!(DateTime, "dateTime");

/// An `xs:date`: `[-]yyyy-mm-dd[Z|±hh:mm]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Date {
    year: i64,
    month: u8,
    day: u8,
    tz: Option<Timezone>,
}

impl Date {
    /// Builds a date; `tz_minutes` `Some(0)` is written `Z`.
    pub fn new(year: i64, month: u8, day: u8, tz_minutes: Option<i16>) -> Result<Self, ValueError> {
        if !(1..=12).contains(&month) {
            return Err(ValueError::new("date", "the month must be 1 to 12"));
        }
        if day == 0 || day > days_in_month(Some(year), month) {
            return Err(ValueError::new(
                "date",
                "the day is out of range for the month",
            ));
        }
        Ok(Date {
            year,
            month,
            day,
            tz: Timezone::from_minutes(tz_minutes, "date")?,
        })
    }

    /// Replaces the timezone.
    pub fn with_timezone(mut self, tz: Option<Timezone>) -> Self {
        self.tz = tz;
        self
    }
    /// The year.
    pub fn year(&self) -> i64 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(&self) -> u8 {
        self.day
    }
    /// The timezone, if any.
    pub fn timezone(&self) -> Option<Timezone> {
        self.tz
    }

    fn parse(text: &str) -> Result<Self, ValueError> {
        let mut c = Cursor::new(text, "date");
        let year = c.year()?;
        c.expect(b'-')?;
        let month = c.month()?;
        c.expect(b'-')?;
        let day = c.day(Some(year), Some(month))?;
        let tz = c.timezone()?;
        c.finish()?;
        Ok(Date {
            year,
            month,
            day,
            tz,
        })
    }

    fn write(&self, out: &mut String) {
        write_year(out, self.year);
        let _ = write!(out, "-{:02}-{:02}", self.month, self.day);
        write_tz(out, self.tz);
    }
}

lexical_impls!(Date, "date");

/// An `xs:time`: `hh:mm:ss[.fff…][Z|±hh:mm]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Time {
    time: TimeParts,
    tz: Option<Timezone>,
}

impl Time {
    /// Builds a time without fractional seconds; `tz_minutes` `Some(0)` is written `Z`.
    pub fn new(
        hour: u8,
        minute: u8,
        second: u8,
        tz_minutes: Option<i16>,
    ) -> Result<Self, ValueError> {
        let time = TimeParts {
            hour,
            minute,
            second,
            fraction: None,
        };
        time.validate().map_err(|r| ValueError::new("time", r))?;
        Ok(Time {
            time,
            tz: Timezone::from_minutes(tz_minutes, "time")?,
        })
    }

    /// Sets the fractional seconds to exactly `digits`; `""` removes them.
    pub fn with_fraction(mut self, digits: &str) -> Result<Self, ValueError> {
        self.time.set_fraction(digits, "time")?;
        Ok(self)
    }
    /// Sets the fractional seconds from nanoseconds.
    pub fn with_nanos(mut self, nanos: u32) -> Self {
        self.time.fraction = nanos_fraction(nanos);
        self
    }
    /// Replaces the timezone.
    pub fn with_timezone(mut self, tz: Option<Timezone>) -> Self {
        self.tz = tz;
        self
    }
    /// The hour, 0–24.
    pub fn hour(&self) -> u8 {
        self.time.hour
    }
    /// The minute.
    pub fn minute(&self) -> u8 {
        self.time.minute
    }
    /// The whole seconds.
    pub fn second(&self) -> u8 {
        self.time.second
    }
    /// The fractional-second digits exactly as given.
    pub fn fraction(&self) -> Option<&str> {
        self.time.fraction.as_deref()
    }
    /// The fractional seconds as nanoseconds.
    pub fn nanosecond(&self) -> u32 {
        self.time.nanosecond()
    }
    /// The timezone, if any.
    pub fn timezone(&self) -> Option<Timezone> {
        self.tz
    }

    fn parse(text: &str) -> Result<Self, ValueError> {
        let mut c = Cursor::new(text, "time");
        let time = c.time()?;
        let tz = c.timezone()?;
        c.finish()?;
        Ok(Time { time, tz })
    }

    fn write(&self, out: &mut String) {
        self.time.write(out);
        write_tz(out, self.tz);
    }
}

lexical_impls!(Time, "time");

/// An `xs:duration`: `[-]P[nY][nM][nD][T[nH][nM][n[.f…]S]]`. The components written are kept
/// (`P0D` and `PT0S` stay distinct).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Duration {
    negative: bool,
    /// Years, months, days, hours, minutes, seconds; `None` when not written.
    parts: [Option<u64>; 6],
    fraction: Option<String>,
}

impl Duration {
    /// Builds a duration writing only the non-zero components (`PT0S` when all are zero).
    pub fn new(
        negative: bool,
        years: u64,
        months: u64,
        days: u64,
        hours: u64,
        minutes: u64,
        seconds: u64,
    ) -> Self {
        let mut parts =
            [years, months, days, hours, minutes, seconds].map(|v| (v != 0).then_some(v));
        if parts.iter().all(Option::is_none) {
            parts[5] = Some(0);
        }
        Duration {
            negative,
            parts,
            fraction: None,
        }
    }

    /// Converts a `std::time::Duration` (seconds and fractional seconds only).
    pub fn from_std(d: std::time::Duration) -> Self {
        let mut out = Duration::new(false, 0, 0, 0, 0, 0, d.as_secs());
        out.fraction = nanos_fraction(d.subsec_nanos());
        if out.fraction.is_some() && out.parts[5].is_none() {
            out.parts[5] = Some(0);
        }
        out
    }

    /// Converts to a `std::time::Duration` when the value is non-negative, has no years or
    /// months (whose length varies) and fits.
    pub fn to_std(&self) -> Option<std::time::Duration> {
        if self.negative || self.years() != 0 || self.months() != 0 {
            return None;
        }
        let secs = self
            .days()
            .checked_mul(24)?
            .checked_add(self.hours())?
            .checked_mul(60)?
            .checked_add(self.minutes())?
            .checked_mul(60)?
            .checked_add(self.seconds())?;
        Some(std::time::Duration::new(secs, self.nanosecond()))
    }

    /// True for a negative duration.
    pub fn is_negative(&self) -> bool {
        self.negative
    }
    /// Years (0 when absent).
    pub fn years(&self) -> u64 {
        self.parts[0].unwrap_or(0)
    }
    /// Months (0 when absent).
    pub fn months(&self) -> u64 {
        self.parts[1].unwrap_or(0)
    }
    /// Days (0 when absent).
    pub fn days(&self) -> u64 {
        self.parts[2].unwrap_or(0)
    }
    /// Hours (0 when absent).
    pub fn hours(&self) -> u64 {
        self.parts[3].unwrap_or(0)
    }
    /// Minutes (0 when absent).
    pub fn minutes(&self) -> u64 {
        self.parts[4].unwrap_or(0)
    }
    /// Whole seconds (0 when absent).
    pub fn seconds(&self) -> u64 {
        self.parts[5].unwrap_or(0)
    }
    /// Fractional-second digits exactly as given.
    pub fn fraction(&self) -> Option<&str> {
        self.fraction.as_deref()
    }
    /// Fractional seconds as nanoseconds.
    pub fn nanosecond(&self) -> u32 {
        fraction_nanos(self.fraction.as_deref())
    }

    fn parse(text: &str) -> Result<Self, ValueError> {
        let mut c = Cursor::new(text, "duration");
        let negative = c.eat(b'-');
        c.expect(b'P')?;
        let mut parts = [None; 6];
        let mut fraction = None;
        let mut next = 0usize;
        let mut in_time = false;
        let mut time_components = 0;
        while c.peek().is_some() {
            if c.eat(b'T') {
                if in_time {
                    return Err(c.err("`T` appears twice"));
                }
                in_time = true;
                next = next.max(3);
                continue;
            }
            let digits = c.digit_run();
            if digits.is_empty() {
                return Err(c.err(format_args!("expected a number at position {}", c.i)));
            }
            let value: u64 = digits
                .parse()
                .map_err(|_| c.err("a component is out of range"))?;
            let frac = if c.eat(b'.') {
                let f = c.digit_run();
                if f.is_empty() {
                    return Err(c.err("expected digits after `.`"));
                }
                Some(f.to_owned())
            } else {
                None
            };
            let slot = match (c.peek(), in_time) {
                (Some(b'Y'), false) => 0,
                (Some(b'M'), false) => 1,
                (Some(b'D'), false) => 2,
                (Some(b'H'), true) => 3,
                (Some(b'M'), true) => 4,
                (Some(b'S'), true) => 5,
                _ => return Err(c.err(format_args!("invalid designator at position {}", c.i))),
            };
            c.i += 1;
            if slot < next {
                return Err(c.err("components are out of order or repeated"));
            }
            if frac.is_some() && slot != 5 {
                return Err(c.err("only seconds may have a fraction"));
            }
            parts[slot] = Some(value);
            fraction = fraction.or(frac);
            next = slot + 1;
            if in_time {
                time_components += 1;
            }
        }
        if in_time && time_components == 0 {
            return Err(c.err("`T` must be followed by a time component"));
        }
        if parts.iter().all(Option::is_none) {
            return Err(c.err("at least one component is required"));
        }
        Ok(Duration {
            negative,
            parts,
            fraction,
        })
    }

    fn write(&self, out: &mut String) {
        if self.negative {
            out.push('-');
        }
        out.push('P');
        for (i, designator) in ['Y', 'M', 'D', 'H', 'M', 'S'].into_iter().enumerate() {
            if i == 3 && self.parts[3..].iter().any(Option::is_some) {
                out.push('T');
            }
            if let Some(v) = self.parts[i] {
                let _ = write!(out, "{v}");
                if i == 5 {
                    if let Some(f) = &self.fraction {
                        out.push('.');
                        out.push_str(f);
                    }
                }
                out.push(designator);
            }
        }
    }
}

lexical_impls!(Duration, "duration");

macro_rules! gregorian {
    ($(#[$doc:meta])* $t:ident, $name:literal, |$c:ident| $parse:block) => {
        $(#[$doc])*
        ///
        /// Validated; the lexical form (without surrounding whitespace) is kept.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $t(String);

        impl $t {
            /// The lexical form.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            fn parse(text: &str) -> Result<Self, ValueError> {
                let mut $c = Cursor::new(text, $name);
                $parse
                $c.timezone()?;
                $c.finish()?;
                Ok($t($c.s.to_owned()))
            }

            fn write(&self, out: &mut String) {
                out.push_str(&self.0);
            }
        }

        lexical_impls!($t, $name);
    };
}

gregorian!(
    /// An `xs:gYear`: `[-]yyyy[tz]`.
    GYear, "gYear", |c| {
        c.year()?;
    }
);

gregorian!(
    /// An `xs:gYearMonth`: `[-]yyyy-mm[tz]`.
    GYearMonth, "gYearMonth", |c| {
        c.year()?;
        c.expect(b'-')?;
        c.month()?;
    }
);

gregorian!(
    /// An `xs:gMonth`: `--mm[tz]`.
    GMonth, "gMonth", |c| {
        c.expect(b'-')?;
        c.expect(b'-')?;
        c.month()?;
    }
);

gregorian!(
    /// An `xs:gDay`: `---dd[tz]`.
    GDay, "gDay", |c| {
        c.expect(b'-')?;
        c.expect(b'-')?;
        c.expect(b'-')?;
        c.day(None, None)?;
    }
);

gregorian!(
    /// An `xs:gMonthDay`: `--mm-dd[tz]` (February 29 allowed).
    GMonthDay, "gMonthDay", |c| {
        c.expect(b'-')?;
        c.expect(b'-')?;
        let month = c.month()?;
        c.expect(b'-')?;
        c.day(None, Some(month))?;
    }
);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rt<T: XsdSimple + fmt::Debug + PartialEq>(s: &str) -> T {
        let v = T::from_text(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(v.to_text(), trim_ws(s), "round trip of {s}");
        assert_eq!(T::from_text(&v.to_text()).unwrap(), v);
        v
    }

    #[test]
    fn date_times_are_lossless() {
        let v: DateTime = rt("2024-02-29T13:45:07.1234567Z");
        assert_eq!((v.year(), v.month(), v.day()), (2024, 2, 29));
        assert_eq!((v.hour(), v.minute(), v.second()), (13, 45, 7));
        assert_eq!(v.fraction(), Some("1234567"));
        assert_eq!(v.nanosecond(), 123_456_700);
        assert!(v.timezone().unwrap().is_z());
        let v: DateTime = rt("2024-01-01T00:00:00+00:00");
        assert_eq!(v.timezone(), Some(Timezone::offset(0).unwrap()));
        assert!(!v.timezone().unwrap().is_z());
        let v: DateTime = rt("2024-01-01T00:00:00");
        assert_eq!(v.timezone(), None);
        rt::<DateTime>("-0044-03-15T12:00:00-05:30");
        rt::<DateTime>("12345-01-01T00:00:00.000");
        rt::<DateTime>("2000-12-31T24:00:00");
        rt::<DateTime>("0000-02-29T10:00:00+14:00");
        let v: DateTime = rt("1999-12-31T23:59:59.5-14:00");
        assert_eq!(v.timezone_minutes(), Some(-840));
        assert_eq!(v.date().to_string(), "1999-12-31-14:00");
        assert_eq!(v.time().to_string(), "23:59:59.5-14:00");
    }

    #[test]
    fn bad_date_times() {
        for bad in [
            "",
            "2024-02-30T00:00:00",
            "2023-02-29T00:00:00",
            "2024-13-01T00:00:00",
            "2024-00-01T00:00:00",
            "2024-01-01",
            "2024-01-01T24:00:01",
            "2024-01-01T24:00:00.1",
            "2024-01-01T23:60:00",
            "2024-01-01T23:00:60",
            "2024-01-01T23:00:00.",
            "2024-01-01T23:00:00+15:00",
            "2024-01-01T23:00:00+14:30",
            "2024-01-01T23:00:00+01",
            "2024-01-01T23:00:00Zjunk",
            "24-01-01T00:00:00",
            "02024-01-01T00:00:00",
            "2024-1-01T00:00:00",
            "2024-01-01 00:00:00",
            "２０２４-01-01T00:00:00",
        ] {
            let e = DateTime::from_text(bad).unwrap_err();
            assert_eq!(e.expected, "dateTime", "{bad}");
        }
    }

    #[test]
    fn constructors() {
        let v = DateTime::new(2024, 5, 6, 7, 8, 9, Some(0)).unwrap();
        assert_eq!(v.to_string(), "2024-05-06T07:08:09Z");
        let v = v
            .with_fraction("050")
            .unwrap()
            .with_timezone(Some(Timezone::offset(90).unwrap()));
        assert_eq!(v.to_string(), "2024-05-06T07:08:09.050+01:30");
        assert_eq!(v.clone().with_nanos(5_000_000).fraction(), Some("005"));
        assert!(v.clone().with_fraction("x").is_err());
        assert!(DateTime::new(2023, 2, 29, 0, 0, 0, None).is_err());
        assert!(DateTime::new(2023, 1, 1, 0, 0, 0, Some(900)).is_err());
        assert_eq!(
            Date::new(-1, 1, 2, None).unwrap().to_string(),
            "-0001-01-02"
        );
        assert_eq!(
            Date::new(2020, 1, 2, Some(-60)).unwrap().to_string(),
            "2020-01-02-01:00"
        );
        assert!(Date::new(2021, 2, 29, None).is_err());
        let t = Time::new(24, 0, 0, None).unwrap();
        assert_eq!(t.to_string(), "24:00:00");
        assert!(Time::new(24, 0, 1, None).is_err());
        assert_eq!(
            Time::new(1, 2, 3, None).unwrap().with_nanos(1).to_string(),
            "01:02:03.000000001"
        );
        assert_eq!(Timezone::UTC.to_string(), "Z");
        assert_eq!(Timezone::offset(-330).unwrap().to_string(), "-05:30");
        assert!("2020-01-01".parse::<Date>().is_ok());
    }

    #[test]
    fn dates_and_times() {
        rt::<Date>("2024-02-29");
        rt::<Date>("2024-02-29Z");
        rt::<Date>("-10000-01-01+01:00");
        rt::<Time>("00:00:00");
        rt::<Time>("23:59:59.999999999999Z");
        for bad in ["2024-02-30", "2024-02", "2024-02-29T00:00:00"] {
            assert!(Date::from_text(bad).is_err(), "{bad}");
        }
        for bad in ["25:00:00", "1:00:00", "10:00", "10:00:00.Z"] {
            assert!(Time::from_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn durations() {
        let d: Duration = rt("P1Y2M3DT4H5M6.789S");
        assert_eq!(
            (
                d.years(),
                d.months(),
                d.days(),
                d.hours(),
                d.minutes(),
                d.seconds()
            ),
            (1, 2, 3, 4, 5, 6)
        );
        assert_eq!(d.fraction(), Some("789"));
        assert_eq!(d.to_std(), None);
        rt::<Duration>("-P10D");
        rt::<Duration>("PT0S");
        rt::<Duration>("P0D");
        rt::<Duration>("PT36H");
        let d: Duration = rt("P2DT1M0.5S");
        assert_eq!(
            d.to_std(),
            Some(std::time::Duration::new(2 * 86400 + 60, 500_000_000))
        );
        assert!(rt::<Duration>("-PT1S").is_negative());
        for bad in [
            "",
            "P",
            "PT",
            "P1",
            "1Y",
            "P1S",
            "PT1Y",
            "P1M1Y",
            "P1.5Y",
            "P1YT",
            "PT1H1H",
            "P-1Y",
            "PT1.S",
            "P1DT2HT3M",
            "P99999999999999999999Y",
        ] {
            assert_eq!(
                Duration::from_text(bad).unwrap_err().expected,
                "duration",
                "{bad}"
            );
        }
        assert_eq!(
            Duration::new(false, 0, 0, 1, 0, 0, 30).to_string(),
            "P1DT30S"
        );
        assert_eq!(Duration::new(true, 0, 0, 0, 0, 0, 0).to_string(), "-PT0S");
        assert_eq!(
            Duration::from_std(std::time::Duration::from_millis(1500)).to_string(),
            "PT1.5S"
        );
        assert_eq!(
            Duration::from_std(std::time::Duration::from_millis(500)).to_string(),
            "PT0.5S"
        );
    }

    #[test]
    fn gregorian_fragments() {
        rt::<GYear>("2024");
        rt::<GYear>("-0001Z");
        rt::<GYearMonth>("2024-02+05:00");
        rt::<GMonth>("--12");
        rt::<GDay>("---31");
        rt::<GMonthDay>("--02-29");
        assert_eq!(GYear::from_text(" 2024 ").unwrap().as_str(), "2024");
        for bad in ["24", "2024-13"] {
            assert!(GYearMonth::from_text(bad).is_err(), "{bad}");
        }
        assert!(GMonth::from_text("--13").is_err());
        assert!(GDay::from_text("---32").is_err());
        assert!(GDay::from_text("---00").is_err());
        assert!(GMonthDay::from_text("--04-31").is_err());
        assert!(GMonthDay::from_text("--02-30").is_err());
        assert!(GYear::from_text("2024-01").is_err());
    }

    proptest! {
        #[test]
        fn date_time_round_trips(
            year in -99999i64..99999,
            month in 1u8..=12,
            day in 1u8..=28,
            hour in 0u8..24,
            minute in 0u8..60,
            second in 0u8..60,
            frac in proptest::option::of("[0-9]{1,12}"),
            tz in proptest::option::of(-840i16..=840),
        ) {
            let mut v = DateTime::new(year, month, day, hour, minute, second, tz).unwrap();
            if let Some(f) = &frac {
                v = v.with_fraction(f).unwrap();
            }
            let text = v.to_text();
            let back = DateTime::from_text(&text).unwrap();
            prop_assert_eq!(&back, &v);
            prop_assert_eq!(back.to_text(), text);
        }

        #[test]
        fn durations_round_trip(neg in any::<bool>(), parts in proptest::array::uniform6(0u64..100_000), frac in proptest::option::of("[0-9]{1,9}")) {
            let mut d = Duration::new(neg, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
            if let Some(f) = frac {
                if d.parts[5].is_none() { d.parts[5] = Some(0); }
                d.fraction = Some(f);
            }
            let text = d.to_text();
            prop_assert_eq!(Duration::from_text(&text).unwrap(), d);
        }
    }
}
