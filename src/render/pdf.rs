//! PDF output.
