//! The gestures as tables of pointer and wheel input and what they do.

use super::*;

/// A pointer event for the table: down (id, x, primary), move (id, x), up (id).
#[derive(Clone, Copy)]
enum Step {
    Down(i32, f64, bool),
    Move(i32, f64),
    Up(i32),
    Click,
}

/// What each step gives: the move's action, whether an up ended a drag, whether a
/// click is swallowed.
#[derive(Debug, PartialEq)]
enum Out {
    Act(Option<Action>),
    Ended(bool),
    Swallowed(bool),
    Nothing,
}

fn run(steps: &[Step]) -> Vec<Out> {
    let mut g = Gesture::default();
    steps
        .iter()
        .map(|&step| match step {
            Step::Down(id, x, primary) => {
                g.down(id, x, primary);
                Out::Nothing
            }
            Step::Move(id, x) => Out::Act(g.moved(id, x)),
            Step::Up(id) => Out::Ended(g.up(id)),
            Step::Click => Out::Swallowed(g.swallows_click()),
        })
        .collect()
}

fn pan(dx: f64) -> Out {
    Out::Act(Some(Action::Pan(dx)))
}

#[test]
fn pointer_sequences_table() {
    use Out::{Act, Ended, Nothing, Swallowed};
    use Step::{Click, Down, Move, Up};
    let pinch = |from, to, factor| Act(Some(Action::Pinch { from, to, factor }));
    let cases: Vec<(&str, Vec<Step>, Vec<Out>)> = vec![
        (
            "a small move is a click, not a drag",
            vec![Down(1, 100.0, true), Move(1, 102.0), Up(1), Click],
            vec![Nothing, Act(None), Ended(false), Swallowed(false)],
        ),
        (
            "past the threshold the whole way pans, then each step",
            vec![
                Down(1, 100.0, true),
                Move(1, 102.0),
                Move(1, 110.0),
                Move(1, 112.0),
            ],
            vec![Nothing, Act(None), pan(10.0), pan(2.0)],
        ),
        (
            "a drag swallows the one click that follows",
            vec![Down(1, 0.0, true), Move(1, -20.0), Up(1), Click, Click],
            vec![
                Nothing,
                pan(-20.0),
                Ended(true),
                Swallowed(true),
                Swallowed(false),
            ],
        ),
        (
            "an unknown pointer does nothing",
            vec![Down(1, 100.0, true), Move(7, 50.0)],
            vec![Nothing, Act(None)],
        ),
        (
            "a mouse's other buttons start nothing",
            vec![Down(1, 100.0, false), Move(1, 200.0), Up(1)],
            vec![Nothing, Act(None), Ended(false)],
        ),
        (
            "two pointers pinch around their middle",
            vec![
                Down(1, 100.0, true),
                Down(2, 300.0, true),
                Move(2, 500.0),
                Move(1, 300.0),
            ],
            vec![
                Nothing,
                Nothing,
                pinch(200.0, 300.0, 2.0),
                pinch(300.0, 400.0, 0.5),
            ],
        ),
        (
            "fingers on top of each other do not pinch",
            vec![Down(1, 100.0, true), Down(2, 100.5, true), Move(2, 300.0)],
            vec![Nothing, Nothing, Act(None)],
        ),
        (
            "a pinch is a drag: lifting both fingers swallows the click",
            vec![
                Down(1, 100.0, true),
                Down(2, 300.0, true),
                Move(2, 400.0),
                Up(2),
                Up(1),
                Click,
            ],
            vec![
                Nothing,
                Nothing,
                pinch(200.0, 250.0, 1.5),
                Ended(false),
                Ended(true),
                Swallowed(true),
            ],
        ),
        (
            "a third pointer is ignored",
            vec![
                Down(1, 0.0, true),
                Down(2, 10.0, true),
                Down(3, 20.0, true),
                Move(3, 40.0),
            ],
            vec![Nothing, Nothing, Nothing, Act(None)],
        ),
    ];
    for (name, steps, expected) in cases {
        assert_eq!(run(&steps), expected, "{name}");
    }
}

#[test]
fn wheel_table() {
    let w = |mode, dx, dy, zoom_key| Wheel {
        mode,
        dx,
        dy,
        zoom_key,
    };
    let zoom = |dy: f64| WheelMove::Zoom((-dy * WHEEL_ZOOM_PER_PX).exp());
    // (wheel, embedded, rtl, what it does)
    let cases = [
        (w(0, 0.0, 100.0, false), false, false, zoom(100.0)),
        (w(0, 0.0, -100.0, false), false, false, zoom(-100.0)),
        (w(1, 0.0, 3.0, false), false, false, zoom(99.0)),
        (w(2, 0.0, 1.0, false), false, false, zoom(600.0)),
        (w(0, 40.0, 10.0, false), false, false, WheelMove::Pan(-40.0)),
        (w(0, 40.0, 10.0, false), false, true, WheelMove::Pan(40.0)),
        (w(1, -2.0, 0.0, false), false, false, WheelMove::Pan(66.0)),
        // A tie zooms.
        (w(0, 5.0, 5.0, false), false, false, zoom(5.0)),
        // In an embed the plain wheel is the page's, whichever way it goes.
        (w(0, 0.0, 100.0, false), true, false, WheelMove::PageScrolls),
        (w(0, 40.0, 0.0, false), true, true, WheelMove::PageScrolls),
        (w(0, 0.0, 100.0, true), true, false, zoom(100.0)),
        (w(0, 0.0, 0.0, false), false, false, WheelMove::Zoom(1.0)),
    ];
    for (input, embedded, rtl, expected) in cases {
        assert_eq!(
            wheel(input, embedded, rtl),
            expected,
            "{input:?} embedded {embedded} rtl {rtl}"
        );
    }
    assert!(
        matches!(zoom(100.0), WheelMove::Zoom(f) if f < 1.0),
        "down zooms out"
    );
}

#[test]
fn a_cluster_opens_on_its_days_with_room_around() {
    // (first, last, window)
    let cases = [
        (100.0, 200.0, (85.0, 215.0)),
        (100.0, 100.0, (99.0, 101.0)),
        (100.0, 102.0, (99.0, 103.0)),
    ];
    for (first, last, (start, end)) in cases {
        assert_eq!(
            cluster_window(first, last),
            Action::ShowWindow(start, end),
            "{first}–{last}"
        );
    }
}

#[test]
fn the_overview_drag_follows_its_pointer_only() {
    let mut d = OverviewDrag::default();
    assert_eq!(d.moved(1, 10.0, 4.0), None, "no drag before a press");
    d.down(1, 10.0);
    assert_eq!(d.moved(2, 30.0, 4.0), None, "another pointer");
    assert_eq!(d.moved(1, 15.0, 4.0), Some(Action::Pan(-20.0)));
    assert_eq!(d.moved(1, 12.0, 4.0), Some(Action::Pan(12.0)));
    d.up();
    assert_eq!(d.moved(1, 50.0, 4.0), None, "released");
}
