//! The arguments of a command, parsed by hand: options (`--to csv`, `--to=csv`, `-o OUT`),
//! flags (`--force`), `--help`, and the rest as operands (`--` ends the options; `-` alone
//! is an operand, the standard input).

use crate::Status;

/// An option or flag a command knows.
pub struct Opt {
    /// Every spelling: `["-o", "--output"]`.
    pub names: &'static [&'static str],
    /// Takes a value (`--to csv`), else is a flag.
    pub value: bool,
}

/// What was given: each option's value by its first name, the flags, the operands.
#[derive(Default)]
pub struct Parsed {
    values: Vec<(&'static str, String)>,
    pub operands: Vec<String>,
}

impl Parsed {
    /// The value of the option first named `name` (the last one given wins).
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.values.iter().any(|(n, _)| *n == name)
    }
}

/// Parses `args` for `command`. `Err(Status::Ok)` after printing `help` (`--help`), and
/// `Err(Status::Failed)` after saying what is wrong.
pub fn parse(
    command: &str,
    args: &[String],
    options: &[Opt],
    help: &str,
) -> Result<Parsed, Status> {
    let mut parsed = Parsed::default();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg == "--" {
            parsed.operands.extend(rest.by_ref().cloned());
            break;
        }
        if arg == "--help" || arg == "-h" {
            print!("{help}");
            return Err(Status::Ok);
        }
        if !arg.starts_with('-') || arg == "-" {
            parsed.operands.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value)),
            _ => (arg.as_str(), None),
        };
        let Some(opt) = options.iter().find(|o| o.names.contains(&name)) else {
            let hint = options
                .iter()
                .flat_map(|o| o.names.iter())
                .find(|known| close(known, name))
                .map(|known| format!(" (did you mean {known}?)"))
                .unwrap_or_default();
            return Err(usage_error(
                command,
                &format!("unknown option {name}{hint}"),
            ));
        };
        let key = opt.names.first().copied().unwrap_or("");
        let value = match (opt.value, inline) {
            (false, None) => String::new(),
            (false, Some(_)) => {
                return Err(usage_error(command, &format!("{name} takes no value")));
            }
            (true, Some(value)) => value.to_owned(),
            (true, None) => match rest.next() {
                Some(value) if !value.starts_with('-') || value == "-" => value.clone(),
                _ => return Err(usage_error(command, &format!("{name} needs a value"))),
            },
        };
        parsed.values.push((key, value));
    }
    Ok(parsed)
}

/// Says what is wrong with the arguments, and where the help is.
pub fn usage_error(command: &str, message: &str) -> Status {
    eprintln!("timeline {command}: {message}");
    eprintln!("(timeline {command} --help shows the options and examples)");
    Status::Failed
}

/// Within one edit of each other, or one the start of the other: `--fromat`, `--form`.
fn close(known: &str, given: &str) -> bool {
    let (a, b) = (known.as_bytes(), given.as_bytes());
    if given.len() > 3 && known.starts_with(given) {
        return true;
    }
    if a.len().abs_diff(b.len()) > 1 || given.len() < 4 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    // One character changed, added or removed; or two neighbours swapped.
    let swapped = a.len() == b.len()
        && prefix + 2 <= a.len()
        && a.get(prefix) == b.get(prefix + 1)
        && a.get(prefix + 1) == b.get(prefix)
        && a.get(prefix + 2..) == b.get(prefix + 2..);
    prefix + suffix + 1 >= a.len().max(b.len()) || swapped
}
