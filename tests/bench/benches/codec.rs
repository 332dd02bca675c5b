//! The seed's ChangeBackupAccountEmail call, in memory: encode and decode of the request and
//! the response, and a fault, in SOAP 1.1 and 1.2 — what the generated client and server do
//! per call, without HTTP. `cargo bench -p soapgen-bench --bench codec`.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use generated_example::{
    ChangeBackupAccountEmailResponse, ChangeBackupAccountEmailResponseElement,
};
use soapgen_bench as b;
use soapgen_runtime::{Fault, RawXml, SoapVersion};

fn codec(c: &mut Criterion) {
    for (label, version) in [
        ("soap11", SoapVersion::Soap11),
        ("soap12", SoapVersion::Soap12),
    ] {
        let mut g = c.benchmark_group(format!("seed/{label}"));
        let (header, body) = b::request_values();
        let request = b::seed_request(version);
        let response = b::seed_response(version);
        let response_value = ChangeBackupAccountEmailResponseElement {
            change_backup_account_email_result: Some(ChangeBackupAccountEmailResponse {
                result: Some(RawXml::new("")),
            }),
        };
        let fault = Fault::client("Invalid AuthHeader credentials").with_detail(RawXml::new(
            "<Reason xmlns=\"sosonlinebackup.com\">bad password</Reason>",
        ));
        let fault_xml = b::encode_fault(version, &fault);
        // Every input must decode, or the figures would time an error path.
        b::decode_request(request.as_bytes()).expect("seed request decodes");
        b::decode_response(response.clone().into_bytes()).expect("seed response decodes");

        g.throughput(Throughput::Elements(1));
        g.bench_function("encode_request", |bench| {
            bench.iter(|| b::encode_request(version, black_box(&header), black_box(&body)))
        });
        g.bench_function("decode_request", |bench| {
            bench.iter(|| b::decode_request(black_box(request.as_bytes())))
        });
        g.bench_function("encode_response", |bench| {
            bench.iter(|| b::encode_response(version, black_box(&response_value)))
        });
        g.bench_function("decode_response", |bench| {
            bench.iter(|| b::decode_response(black_box(response.as_bytes()).to_vec()))
        });
        g.bench_function("encode_fault", |bench| {
            bench.iter(|| b::encode_fault(version, black_box(&fault)))
        });
        g.bench_function("decode_fault", |bench| {
            bench.iter(|| b::decode_response(black_box(fault_xml.as_bytes()).to_vec()).unwrap_err())
        });
        g.bench_function("tokenise_request", |bench| {
            bench.iter(|| b::tokenise(black_box(request.as_bytes()).to_vec()))
        });
        g.finish();
    }
}

criterion_group!(benches, codec);
criterion_main!(benches);
