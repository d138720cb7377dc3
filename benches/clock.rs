//! The clock the benchmarks read: wall time, criterion's default; or, with
//! `SMARTBILL_BENCH_CLOCK=thread-cpu`, the CPU time of the benchmark thread
//! (`CLOCK_THREAD_CPUTIME_ID`), so that other processes on a shared,
//! loaded machine do not count while they hold the CPU (sharing a core's
//! caches with them still does). Included by each benchmark (`#[path]`).

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use std::time::{Duration, Instant};

pub struct Clock {
    thread_cpu: bool,
    wall: WallTime,
}

pub enum Start {
    Wall(Instant),
    ThreadCpu(Duration),
}

impl Clock {
    pub fn from_env() -> Clock {
        let thread_cpu =
            cfg!(unix) && std::env::var("SMARTBILL_BENCH_CLOCK").is_ok_and(|v| v == "thread-cpu");
        if thread_cpu {
            eprintln!("clock: CPU time of the benchmark thread (SMARTBILL_BENCH_CLOCK=thread-cpu)");
        }
        Clock {
            thread_cpu,
            wall: WallTime,
        }
    }
}

impl Measurement for Clock {
    type Intermediate = Start;
    type Value = Duration;

    fn start(&self) -> Start {
        if self.thread_cpu {
            Start::ThreadCpu(thread_cpu_now())
        } else {
            Start::Wall(Instant::now())
        }
    }

    fn end(&self, start: Start) -> Duration {
        match start {
            Start::Wall(t) => t.elapsed(),
            Start::ThreadCpu(t) => thread_cpu_now().saturating_sub(t),
        }
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

#[cfg(unix)]
fn thread_cpu_now() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid clock id and a valid timespec to write.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(not(unix))]
fn thread_cpu_now() -> Duration {
    unreachable!("the thread CPU clock is used on Unix only")
}
