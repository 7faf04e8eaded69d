//! The widget's keys, as a plain function of the key, the direction of time and whether
//! focus is in a text field. The widget listens on its own root only (never `document`
//! or `window`), so keys act only while focus is inside it, and keys with Ctrl, ⌘ or Alt
//! are left to the browser before this map is asked.

use super::state::Action;
use crate::locale::Dir;

/// What a key press does.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyCommand {
    /// Dispatch this action, and keep the key from the browser.
    Act(Action),
    /// Dispatch this action and let the browser act on the key too: Escape in the search
    /// box both empties it and closes the details.
    ActAndPass(Action),
    /// Move focus to the search box (`/`), keeping the key from being typed.
    FocusSearch,
}

/// The command for `key` (a `KeyboardEvent.key`), or `None` when the key is not ours.
/// Time runs the way the reader reads: right to left in Persian, where the right arrow
/// goes back in time. Down the page (`vertical`), ↑ and ↓ step too. In a text field only
/// Escape is ours; every other key types.
pub fn key_command(key: &str, dir: Dir, in_text_field: bool, vertical: bool) -> Option<KeyCommand> {
    use KeyCommand::{Act, ActAndPass, FocusSearch};
    let (back, forward) = match dir {
        Dir::Ltr => ("ArrowLeft", "ArrowRight"),
        Dir::Rtl => ("ArrowRight", "ArrowLeft"),
    };
    if in_text_field {
        return (key == "Escape").then_some(ActAndPass(Action::Select(None)));
    }
    Some(match key {
        "Escape" => Act(Action::Select(None)),
        _ if key == back => Act(Action::Step(-1)),
        _ if key == forward => Act(Action::Step(1)),
        "ArrowUp" if vertical => Act(Action::Step(-1)),
        "ArrowDown" if vertical => Act(Action::Step(1)),
        "+" | "=" => Act(Action::ZoomIn),
        "-" | "_" => Act(Action::ZoomOut),
        "0" => Act(Action::ShowAll),
        "Home" => Act(Action::First),
        "End" => Act(Action::Last),
        "/" => FocusSearch,
        _ => return None,
    })
}

/// Whether `action` moves the selection, so that focus on the stage should follow it.
pub fn moves_selection(action: &Action) -> bool {
    matches!(action, Action::Step(_) | Action::First | Action::Last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use KeyCommand::{Act, ActAndPass, FocusSearch};

    #[test]
    fn key_map_table() {
        let (ltr, rtl) = (Dir::Ltr, Dir::Rtl);
        // (key, direction, in a text field, command)
        let cases = [
            ("ArrowLeft", ltr, false, Some(Act(Action::Step(-1)))),
            ("ArrowRight", ltr, false, Some(Act(Action::Step(1)))),
            ("ArrowLeft", rtl, false, Some(Act(Action::Step(1)))),
            ("ArrowRight", rtl, false, Some(Act(Action::Step(-1)))),
            ("+", ltr, false, Some(Act(Action::ZoomIn))),
            ("=", rtl, false, Some(Act(Action::ZoomIn))),
            ("-", ltr, false, Some(Act(Action::ZoomOut))),
            ("_", ltr, false, Some(Act(Action::ZoomOut))),
            ("0", ltr, false, Some(Act(Action::ShowAll))),
            ("Home", ltr, false, Some(Act(Action::First))),
            ("End", rtl, false, Some(Act(Action::Last))),
            ("Escape", ltr, false, Some(Act(Action::Select(None)))),
            ("/", ltr, false, Some(FocusSearch)),
            // Not ours.
            ("a", ltr, false, None),
            ("ArrowUp", ltr, false, None),
            ("Enter", ltr, false, None),
            (" ", ltr, false, None),
            ("", ltr, false, None),
            // In the search box every key types, and Escape also empties it.
            ("Escape", ltr, true, Some(ActAndPass(Action::Select(None)))),
            ("Escape", rtl, true, Some(ActAndPass(Action::Select(None)))),
            ("ArrowLeft", ltr, true, None),
            ("ArrowRight", rtl, true, None),
            ("+", ltr, true, None),
            ("0", ltr, true, None),
            ("/", ltr, true, None),
            ("Home", ltr, true, None),
        ];
        for (key, dir, in_text_field, expected) in cases {
            assert_eq!(
                key_command(key, dir, in_text_field, false),
                expected,
                "{key:?} {dir:?} in text field: {in_text_field}"
            );
        }
    }

    #[test]
    fn down_the_page_up_and_down_step_too() {
        // (key, in a text field, command)
        let cases = [
            ("ArrowUp", false, Some(Act(Action::Step(-1)))),
            ("ArrowDown", false, Some(Act(Action::Step(1)))),
            ("ArrowLeft", false, Some(Act(Action::Step(-1)))),
            ("+", false, Some(Act(Action::ZoomIn))),
            ("0", false, Some(Act(Action::ShowAll))),
            ("ArrowUp", true, None),
            ("ArrowDown", true, None),
        ];
        for dir in [Dir::Ltr, Dir::Rtl] {
            for (key, in_text_field, expected) in cases.clone() {
                let expected = match (key, dir) {
                    ("ArrowLeft", Dir::Rtl) => Some(Act(Action::Step(1))),
                    _ => expected,
                };
                assert_eq!(
                    key_command(key, dir, in_text_field, true),
                    expected,
                    "{key:?} {dir:?}"
                );
            }
        }
    }

    #[test]
    fn only_stepping_moves_the_selection() {
        assert!(moves_selection(&Action::Step(1)));
        assert!(moves_selection(&Action::First));
        assert!(moves_selection(&Action::Last));
        assert!(!moves_selection(&Action::Select(None)));
        assert!(!moves_selection(&Action::ZoomIn));
    }
}
