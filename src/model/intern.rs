//! One shared copy of each distinct repetitive string (titles, levels,
//! locations, teams, departments): a million people hold a few thousand
//! distinct values, so sharing saves most of their allocations.

use rustc_hash::FxHashSet;
use std::sync::Arc;

#[derive(Debug, Default)]
pub struct Interner {
    strings: FxHashSet<Arc<str>>,
}

impl Interner {
    pub fn new() -> Interner {
        Interner::default()
    }

    /// The shared copy of `text`, made on first sight.
    pub fn intern(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.strings.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.strings.insert(Arc::clone(&shared));
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation() {
        let mut interner = Interner::new();
        let a = interner.intern("Staff Engineer");
        let b = interner.intern("Staff Engineer");
        let c = interner.intern("Engineer");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&*c, "Engineer");
    }
}
