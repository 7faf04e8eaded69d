//! The editor page's entry (editor.html): see `timeline::editor`.

fn main() {
    timeline::editor::start();
}
