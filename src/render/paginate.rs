//! Pagination.
