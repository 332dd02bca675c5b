//! Counting outcomes, sampling the server's memory, and the final report.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The result of one request.
#[derive(Debug)]
pub enum Outcome {
    /// Answered as expected.
    Ok,
    /// Anything else, with what came back.
    Wrong(String),
}

/// Counts per category; the first few wrong answers are kept for the report.
#[derive(Default)]
pub struct Tally {
    inner: Mutex<Counts>,
}

#[derive(Default)]
struct Counts {
    valid: usize,
    valid_ok: usize,
    valid_latency: Vec<Duration>,
    hostile: BTreeMap<&'static str, (usize, usize)>,
    hostile_latency: Vec<Duration>,
    samples: Vec<String>,
}

impl Tally {
    fn lock(&self) -> std::sync::MutexGuard<'_, Counts> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records a valid request.
    pub fn valid(&self, outcome: Outcome, took: Duration) {
        let mut c = self.lock();
        c.valid += 1;
        c.valid_latency.push(took);
        match outcome {
            Outcome::Ok => c.valid_ok += 1,
            Outcome::Wrong(why) => keep(&mut c.samples, format!("valid: {why}")),
        }
    }

    /// Records a hostile request of kind `name`.
    pub fn hostile(&self, name: &'static str, outcome: Outcome, took: Duration) {
        let mut c = self.lock();
        c.hostile_latency.push(took);
        let entry = c.hostile.entry(name).or_default();
        entry.0 += 1;
        match outcome {
            Outcome::Ok => entry.1 += 1,
            Outcome::Wrong(why) => keep(&mut c.samples, format!("{name}: {why}")),
        }
    }
}

fn keep(samples: &mut Vec<String>, sample: String) {
    if samples.len() < 10 {
        samples.push(sample);
    }
}

/// The server's resident memory through the run.
pub struct Rss {
    /// (requests sent so far, RSS in KiB) at each tenth of the run, and at the end.
    pub checkpoints: Vec<(usize, u64)>,
    /// The highest RSS sampled (KiB).
    pub peak: u64,
    /// The kernel's high-water mark (VmHWM, KiB) at the end.
    pub hwm: u64,
}

/// Samples `/proc/PID/status` every 100 ms.
pub struct RssSampler {
    task: tokio::task::JoinHandle<Rss>,
    stop: Arc<AtomicUsize>,
}

fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
}

impl RssSampler {
    /// Starts sampling the process `pid` while `progress` counts requests up to `total`.
    pub fn start(pid: u32, total: usize, progress: Arc<AtomicUsize>) -> RssSampler {
        let stop = Arc::new(AtomicUsize::new(0));
        let stopped = Arc::clone(&stop);
        let task = tokio::spawn(async move {
            let mut rss = Rss {
                checkpoints: vec![(0, status_kib(pid, "VmRSS:").unwrap_or(0))],
                peak: 0,
                hwm: 0,
            };
            let step = (total / 10).max(1);
            let mut next_checkpoint = step;
            loop {
                let now = status_kib(pid, "VmRSS:").unwrap_or(0);
                rss.peak = rss.peak.max(now);
                let done = progress.load(Ordering::Relaxed).min(total);
                while done >= next_checkpoint && next_checkpoint <= total {
                    rss.checkpoints.push((next_checkpoint, now));
                    next_checkpoint += step;
                }
                if stopped.load(Ordering::Relaxed) != 0 {
                    rss.hwm = status_kib(pid, "VmHWM:").unwrap_or(0);
                    if rss.checkpoints.last().is_some_and(|&(n, _)| n < done) {
                        rss.checkpoints.push((done, now));
                    }
                    return rss;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        });
        RssSampler { task, stop }
    }

    /// Takes a last sample and returns the measurements.
    pub async fn finish(self) -> Rss {
        self.stop.store(1, Ordering::Relaxed);
        self.task.await.unwrap_or(Rss {
            checkpoints: Vec::new(),
            peak: 0,
            hwm: 0,
        })
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at.min(sorted.len() - 1)]
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// Prints the report; returns whether every criterion holds: all valid requests answered
/// correctly, all hostile ones as expected, no panic in the server log, and memory flat
/// (the RSS at the end within 25 % + 8 MiB of the RSS after the first fifth of the run).
pub fn print(tally: &Tally, rss: &Rss, panics: usize, elapsed: Duration, timed_out: bool) -> bool {
    let mut c = tally.lock();
    c.valid_latency.sort();
    c.hostile_latency.sort();
    let total = c.valid + c.hostile.values().map(|(n, _)| n).sum::<usize>();
    let hostile_total: usize = c.hostile.values().map(|(n, _)| n).sum();
    let hostile_ok: usize = c.hostile.values().map(|(_, ok)| ok).sum();
    let pct = |a: usize, b: usize| {
        if b == 0 {
            100.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!();
    println!(
        "requests: {total} in {:.1} s ({:.0}/s)",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64().max(0.001)
    );
    println!(
        "valid:    {}/{} answered correctly ({:.2} %); latency p50 {:.1} ms, p99 {:.1} ms",
        c.valid_ok,
        c.valid,
        pct(c.valid_ok, c.valid),
        percentile(&c.valid_latency, 0.5).as_secs_f64() * 1000.0,
        percentile(&c.valid_latency, 0.99).as_secs_f64() * 1000.0,
    );
    println!(
        "hostile:  {hostile_ok}/{hostile_total} answered with the expected fault ({:.2} %)",
        pct(hostile_ok, hostile_total)
    );
    for (name, (n, ok)) in &c.hostile {
        println!("  {ok:>5}/{n:<5} {name}");
    }
    println!("server RSS (MiB) by requests sent:");
    let line: Vec<String> = rss
        .checkpoints
        .iter()
        .map(|(n, kib)| format!("{n}: {:.1}", mib(*kib)))
        .collect();
    println!("  {}", line.join(", "));
    println!(
        "  peak sampled {:.1} MiB, high-water mark {:.1} MiB",
        mib(rss.peak),
        mib(rss.hwm)
    );
    println!("panics in the server log: {panics}");
    for s in &c.samples {
        println!("  wrong: {s:.400}");
    }
    let warm = rss
        .checkpoints
        .get(2)
        .or(rss.checkpoints.last())
        .map_or(0, |&(_, k)| k);
    let end = rss.checkpoints.last().map_or(0, |&(_, k)| k);
    let flat = end <= warm + warm / 4 + 8 * 1024;
    println!(
        "memory flat: {} (after a fifth of the run {:.1} MiB, at the end {:.1} MiB)",
        if flat { "yes" } else { "NO" },
        mib(warm),
        mib(end)
    );
    if timed_out {
        println!("stopped by --max-seconds before sending every request");
    }
    let pass =
        !timed_out && c.valid_ok == c.valid && hostile_ok == hostile_total && panics == 0 && flat;
    println!("verdict: {}", if pass { "PASS" } else { "FAIL" });
    pass
}
