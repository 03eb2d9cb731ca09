//! How an IPC command is declared once.
//!
//! `commands.in` lists every command as one declaration (name, arguments,
//! result, body) inside `commands!`. This crate expands that list into the
//! `#[tauri::command]` functions, the handler for `invoke_handler`, the
//! command names and (in tests) the signatures the TypeScript client is
//! generated from. `build.rs` includes the same file with a macro of its own
//! that keeps only the names: the `allow-<command>` permissions and the
//! capability file come from them.
//!
//! A declaration is one of two kinds:
//! - `session |s| body`: `body` runs on the blocking pool with the open
//!   session (`s: &mut Session`) locked, and returns `Result<T, IpcError>`;
//! - `app |app| body`: `body` runs on the async runtime with an [`App`] (the
//!   managed state and the calling window), may `.await`, and returns
//!   `Result<T, IpcError>`: for commands that replace the session or need
//!   no session at all.

use crate::state::AppState;
use serde::Serialize;
use tauri::ipc::{CommandArg, CommandItem, InvokeError, InvokeResponseBody, IpcResponse};
use tauri::{Runtime, WebviewWindow};
use ts_rs::{Config, Dummy, TypeVisitor, TS};

/// What an `app` command's body gets besides its arguments.
#[derive(Debug)]
pub struct App<'a> {
    pub state: &'a AppState,
    pub window: WebviewWindow,
}

/// A binary answer: sent as raw bytes (an `ArrayBuffer` in the UI), not as
/// JSON, which at 100k people would dominate the chart's first paint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bytes(pub Vec<u8>);

impl IpcResponse for Bytes {
    fn body(self) -> tauri::Result<InvokeResponseBody> {
        Ok(InvokeResponseBody::Raw(self.0))
    }
}

impl TS for Bytes {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;

    fn name(_: &Config) -> String {
        "ArrayBuffer".to_string()
    }

    fn inline(cfg: &Config) -> String {
        Self::name(cfg)
    }
}

/// A channel the command streams messages of type `T` on (Tauri's
/// [`tauri::ipc::Channel`], which has no TypeScript binding of its own).
pub struct TypedChannel<T>(pub tauri::ipc::Channel<T>);

impl<T> std::fmt::Debug for TypedChannel<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TypedChannel").field(&self.0.id()).finish()
    }
}

impl<T: Serialize + Clone> TypedChannel<T> {
    /// Sends one message; the UI may have stopped listening, which is no
    /// error of the command's.
    pub fn send_quietly(&self, message: T) {
        let _ = self.0.send(message);
    }
}

impl<'de, R: Runtime, T> CommandArg<'de, R> for TypedChannel<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        tauri::ipc::Channel::from_command(command).map(TypedChannel)
    }
}

impl<T: TS> TS for TypedChannel<T> {
    type WithoutGenerics = TypedChannel<Dummy>;
    type OptionInnerType = Self;

    fn ident(_: &Config) -> String {
        "Channel".to_string()
    }

    fn name(cfg: &Config) -> String {
        format!("Channel<{}>", T::name(cfg))
    }

    fn inline(cfg: &Config) -> String {
        format!("Channel<{}>", T::inline(cfg))
    }

    fn visit_dependencies(v: &mut impl TypeVisitor)
    where
        Self: 'static,
    {
        T::visit_dependencies(v);
    }

    fn visit_generics(v: &mut impl TypeVisitor)
    where
        Self: 'static,
    {
        T::visit_generics(v);
        v.visit::<T>();
    }
}

/// Expands the command list of `commands.in` (see the module doc) into the
/// command functions, `handler()`, `NAMES` and, in tests, `signatures()`.
macro_rules! commands {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident ( $($arg:ident : $ty:ty),* $(,)? ) -> $ret:ty
            = $kind:ident |$cx:pat_param| $body:expr;
    )*) => {
        $(
            $crate::ipc::command_fn!(
                $kind [$($doc)*] $name ($($arg: $ty),*) -> $ret, |$cx| $body
            );
        )*

        /// Every command, for `tauri::Builder::invoke_handler`.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name),*]
        }

        /// Every command's name, as the UI invokes it and as its
        /// `allow-<name>` permission is derived.
        pub const NAMES: &[&str] = &[$(stringify!($name)),*];

        /// Every command's name, arguments and result, for the TypeScript
        /// client.
        #[cfg(test)]
        pub fn signatures() -> Vec<$crate::ts_client::Signature> {
            vec![$(
                $crate::ts_client::Signature {
                    name: stringify!($name),
                    docs: &[$($doc),*],
                    args: vec![$(
                        (stringify!($arg), $crate::ts_client::WireType::of::<$ty>())
                    ),*],
                    result: $crate::ts_client::WireType::of::<$ret>(),
                }
            ),*]
        }
    };
}
pub(crate) use commands;

/// One `#[tauri::command]` of the given kind (see the module doc).
macro_rules! command_fn {
    (session [$($doc:literal)*] $name:ident ($($arg:ident: $ty:ty),*) -> $ret:ty,
        |$cx:pat_param| $body:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        async fn $name(
            state: tauri::State<'_, $crate::state::AppState>,
            $($arg: $ty),*
        ) -> Result<$ret, $crate::error::IpcError> {
            state
                .with_session(move |$cx: &mut orgraph::session::Session| $body)
                .await
        }
    };
    (app [$($doc:literal)*] $name:ident ($($arg:ident: $ty:ty),*) -> $ret:ty,
        |$cx:pat_param| $body:expr) => {
        $(#[doc = $doc])*
        #[tauri::command]
        async fn $name(
            state: tauri::State<'_, $crate::state::AppState>,
            window: tauri::WebviewWindow,
            $($arg: $ty),*
        ) -> Result<$ret, $crate::error::IpcError> {
            let $cx = $crate::ipc::App { state: &state, window };
            $body
        }
    };
    ($kind:ident $($rest:tt)*) => {
        compile_error!(concat!(
            "a command's kind is `session` or `app`, not `",
            stringify!($kind),
            "`"
        ));
    };
}
pub(crate) use command_fn;
