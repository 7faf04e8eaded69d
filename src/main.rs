//! The standalone page served by `trunk serve`: the bundled Canada–Iran timeline.

fn main() {
    timeline::ui::start_page();
}
