//! One person's record: the random draws (city, status, cost, name) and
//! adding the record under its manager.

use super::vocabulary::{BASE_COST, CITIES, FIRST_NAMES, LAST_NAMES, LEVEL_CODES};
use super::Generator;
use crate::model::{PersonRecord, ShortText, Status};
use crate::money::Money;

impl Generator {
    pub(super) fn city(&mut self) -> usize {
        let mut roll = self.below(100);
        for (i, city) in CITIES.iter().enumerate() {
            if roll < city.weight {
                return i;
            }
            roll -= city.weight;
        }
        0
    }

    /// Status of someone with no reports: ~3.5% open, ~2.3% planned, ~2.3%
    /// departing (about 3/2/2% of everyone once managers are counted).
    pub(super) fn leaf_status(&mut self) -> Status {
        match self.below(1000) {
            0..35 => Status::Open,
            35..58 => Status::Planned,
            58..81 => Status::Departing,
            _ => Status::Active,
        }
    }

    fn cost(&mut self, level: usize, city: usize) -> Money {
        let spread = self.below(241) as i64 - 120;
        let mut cents =
            BASE_COST[level] * 100 * (1000 + spread) / 1000 * CITIES[city].cost_factor / 1000;
        match self.below(10) {
            // Most costs are budgeted to the nearest 500, some to the unit,
            // and some carry exact cents (like 131999.92).
            0..=5 => cents = (cents + 25_000) / 50_000 * 50_000,
            6..=8 => cents = (cents + 50) / 100 * 100,
            _ => {}
        }
        Money::from_cents(cents)
    }

    fn full_name(&mut self) -> String {
        let first = FIRST_NAMES[self.below(FIRST_NAMES.len())];
        let last = LAST_NAMES[self.below(LAST_NAMES.len())];
        let mut name = String::with_capacity(first.len() + 1 + last.len());
        name.push_str(first);
        name.push(' ');
        name.push_str(last);
        name
    }

    /// `E` and the number zero-padded to the id width (`E000042`).
    fn format_id(&self, number: usize) -> ShortText {
        let mut digits = [b'0'; 20];
        let mut rest = number;
        let mut first = digits.len();
        while rest > 0 {
            first -= 1;
            digits[first] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let width = (digits.len() - first).max(self.id_width).min(digits.len());
        let mut id = ShortText::with_capacity(1 + width);
        id.push('E');
        id.extend(
            digits[digits.len() - width..]
                .iter()
                .map(|&d| char::from(d)),
        );
        id
    }

    /// Appends a record, filling in row, id and manager id; returns its index.
    pub(super) fn add(&mut self, manager: Option<usize>, mut record: PersonRecord) -> usize {
        let index = self.out.len();
        record.row = index as u64 + 2;
        record.id = self.format_id(index + 1);
        if let Some(manager) = manager {
            record.manager_id = self.out[manager].id.clone();
        }
        self.out.push(record);
        index
    }

    /// A record with name, title, level, location, cost, status and
    /// department set (team, supports and dotted lines are the caller's).
    pub(super) fn person(
        &mut self,
        level: usize,
        title: String,
        department: &str,
        city: usize,
        status: Status,
    ) -> PersonRecord {
        let (name, title) = if status == Status::Open {
            (String::new(), format!("Open req: {title}"))
        } else {
            (self.full_name(), title)
        };
        let cost = if status == Status::Open && self.below(2) == 0 {
            None
        } else {
            Some(self.cost(level, city))
        };
        PersonRecord {
            name: name.into(),
            title: self.strings.intern(&title),
            level: self.strings.intern(LEVEL_CODES[level]),
            location: self.strings.intern(CITIES[city].name),
            cost,
            status,
            department: self.strings.intern(department),
            ..PersonRecord::default()
        }
    }

    /// Whether the next staff+ engineer gets a dotted line.
    pub(super) fn take_dotted(&mut self) -> bool {
        let k = self.staff_seen;
        self.staff_seen += 1;
        if self.staff_total == 0 {
            return false;
        }
        (k + 1) * self.dotted_target / self.staff_total > k * self.dotted_target / self.staff_total
    }
}
