//! CSV import (being written)
