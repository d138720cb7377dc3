//! The progress bar for large files: on stderr, only when stderr is a
//! terminal and stdout is not (with results scrolling on the same screen a
//! bar would only get in the way). Nothing at all otherwise.

use crate::term;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress(Option<ProgressBar>);

impl Progress {
    pub fn none() -> Progress {
        Progress(None)
    }

    /// A bar over `size` bytes, if the terminals allow one.
    pub fn for_file(size: u64) -> Progress {
        if !term::stderr_is_terminal() || term::stdout_is_terminal() {
            return Progress::none();
        }
        let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress(Some(bar))
    }

    pub fn set(&self, bytes: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(bytes);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
