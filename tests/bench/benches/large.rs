//! A GetAllAccounts response with many accounts (7 fields each, strings, ints, a dateTime):
//! typed decode and encode in MB/s, against quick-xml's bare tokenisation of the same bytes
//! (the floor), at 1k, 10k and 100k items. `cargo bench -p soapgen-bench --bench large`.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use soapgen_bench as b;

fn large(c: &mut Criterion) {
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    for count in [1_000usize, 10_000, 100_000] {
        let xml = b::large_response(count);
        let decoded =
            b::decode_large(xml.clone().into_bytes()).expect("the large response decodes");
        let items = decoded
            .get_all_accounts_result
            .as_ref()
            .and_then(|r| r.accounts.as_ref())
            .map_or(0, |a| a.get_all_accounts_item.len());
        assert_eq!(items, count);
        g.throughput(Throughput::Bytes(xml.len() as u64));
        g.bench_with_input(BenchmarkId::new("decode", count), &xml, |bench, xml| {
            bench.iter(|| b::decode_large(black_box(xml.as_bytes()).to_vec()))
        });
        // The same copy of the input as the decode makes (a transport's fresh buffer).
        g.bench_with_input(BenchmarkId::new("tokenise", count), &xml, |bench, xml| {
            bench.iter(|| b::tokenise(black_box(xml.as_bytes()).to_vec()))
        });
        g.bench_with_input(
            BenchmarkId::new("encode", count),
            &count,
            |bench, &count| {
                let accounts = b::accounts(count);
                bench.iter(|| {
                    let mut w = soapgen_runtime::XmlWriter::new();
                    soapgen_runtime::xml::write_element(
                        &mut w,
                        b::NS,
                        "Accounts",
                        black_box(&accounts),
                    );
                    w.into_string()
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, large);
criterion_main!(benches);
