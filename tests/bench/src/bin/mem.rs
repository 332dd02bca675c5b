//! Peak heap while decoding the large GetAllAccounts response, for 1k, 10k and 100k accounts:
//! a counting allocator records the high-water mark above what was live before the decode,
//! and the decoded value's own size (inline and heap) is the yardstick. `soapgen-bench-mem`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bytes the decoded accounts occupy: each item inline, plus its strings' heap buffers.
fn decoded_size(value: &generated_example::variant::GetAllAccountsResponseElement) -> usize {
    let Some(accounts) = value
        .get_all_accounts_result
        .as_ref()
        .and_then(|r| r.accounts.as_ref())
    else {
        return 0;
    };
    let items = &accounts.get_all_accounts_item;
    let mut size = std::mem::size_of_val(items.as_slice());
    for item in items {
        if let soapgen_runtime::Nillable::Value(a) = item {
            for s in [
                &a.user_name,
                &a.customer_name,
                &a.email,
                &a.customer_type_code,
            ]
            .into_iter()
            .flatten()
            {
                size += s.capacity();
            }
        }
    }
    size
}

fn main() {
    let mut lines = Vec::new();
    println!("items\tinput_bytes\tdecoded_bytes\tpeak_heap_bytes\tpeak/decoded\tpeak/input");
    for count in [1_000usize, 10_000, 100_000] {
        // The response body as a transport hands it over; it is already allocated when the
        // count starts, so the peak is what decoding adds to it.
        let body = soapgen_bench::large_response(count).into_bytes();
        let input = body.len();
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let decoded = soapgen_bench::decode_large(body).expect("decodes");
        let peak = PEAK.load(Ordering::Relaxed) - before;
        let data = decoded_size(&decoded);
        println!(
            "{count}\t{input}\t{data}\t{peak}\t{:.2}\t{:.2}",
            peak as f64 / data as f64,
            peak as f64 / input as f64
        );
        lines.push(format!(
            "BENCH\tsoapgen\tlarge/input_bytes/{count}\t{input}\tbytes"
        ));
        lines.push(format!(
            "BENCH\tsoapgen\tlarge/decoded_bytes/{count}\t{data}\tbytes"
        ));
        lines.push(format!(
            "BENCH\tsoapgen\tlarge/peak_bytes/{count}\t{peak}\tbytes"
        ));
    }
    // The lines compare.sh collects (tests/bench/report.py).
    for line in lines {
        println!("{line}");
    }
}
