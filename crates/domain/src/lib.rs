//! The rules of a city office, free of I/O: calendars and opening hours, the catalogue's vocabulary,
//! staff roles, national register numbers and the clock every other part reads time from.

pub mod address_change;
pub mod calendar;
pub mod catalogue;
pub mod clock;
pub mod contact;
pub mod locale;
pub mod national_number;
pub mod parking;
pub mod queue;
pub mod register;
pub mod roster;
pub mod simulation;
pub mod slots;
pub mod staff;
pub mod stats;
