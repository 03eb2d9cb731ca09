//! The workspace's baseline image decoder, on any bytes: every outcome is
//! an org or an error, never a panic, and an org that comes back encodes
//! to an image that decodes to the same people.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgraph::store::fuzzing::{decode_image, encode_image};

fuzz_target!(|data: &[u8]| {
    let Ok(org) = decode_image(data) else {
        return;
    };
    let image = encode_image(&org).expect("a decoded org encodes");
    let again = decode_image(&image).expect("a re-encoded image decodes");
    assert_eq!(again.len(), org.len());
    assert_eq!(encode_image(&again).expect("encodes"), image);
});
