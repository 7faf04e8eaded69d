use super::*;
use crate::model::validate::validate;

#[test]
fn scratch() {
    for f in std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/timelinejs3-examples"
    ))
    .unwrap()
    .chain(
        std::fs::read_dir(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/node_modules/@knight-lab/timelinejs/src/template"
        ))
        .unwrap(),
    ) {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&p).unwrap();
            let v = validate(&text);
            let d = v.document.as_ref().unwrap();
            println!(
                "== {} events={} eras={} cats={:?}",
                p.display(),
                d.events.len(),
                d.eras.len(),
                d.categories.iter().map(|c| &c.id).collect::<Vec<_>>()
            );
            println!("title {:?}", d.title.get("en"));
            for e in d.events.iter().take(3) {
                println!(
                    "  {} {} {:?} | {:?}",
                    e.id,
                    e.date,
                    e.title.get("en"),
                    e.summary.get("en").chars().take(80).collect::<String>()
                );
            }
            for p in &v.problems {
                println!("  {}: {p}", p.severity);
            }
        }
    }
    let _ = map(&Timeline::default(), &mut Vec::new());
}
