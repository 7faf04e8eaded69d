//! Spreadsheets: both layouts field by field, problems by row and column header.

use super::super::validate;

fn show(text: &str) -> Vec<String> {
    validate(text)
        .problems
        .iter()
        .map(|p| format!("{}: {p}", p.severity))
        .collect()
}

#[test]
fn smoke() {
    let text = "type,id,date,end_date,title,title_fr,summary,category,source_url,source_title\ntitle,,2024-01-01,,T,Tfr,Desc,,,\n,a,2012-09-07,,Hello,Bonjour,Sum,diplomacy,https://example.org/x,X\n,,2013-13,,Bad,,S,Trade,,\n";
    let v = validate(text);
    println!("{:#?}", v.document);
    for p in show(text) {
        println!("{p}");
    }
    panic!();
}
