//! What an event's media URL is, from the URL alone: an image or a video or audio file (by
//! its extension), a video on YouTube or Vimeo (by its host and path), or anything else,
//! which is shown as a link. The URL is checked as http(s) first ([`url_problem`], the
//! rule for every URL of the format, here so that both readers share it); [`kind`] only
//! sorts it, in one pass over it (no input costs more than its length).

use super::paths::quote;

/// Why a URL is refused, if it is.
pub fn url_problem(url: &str) -> Option<String> {
    let lower_scheme = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower_scheme.starts_with("https://") {
        url.get(8..)
    } else if lower_scheme.starts_with("http://") {
        url.get(7..)
    } else {
        None
    };
    let Some(rest) = rest else {
        return Some(format!("{} is not an http(s) URL", quote(url)));
    };
    if url.chars().any(char::is_whitespace) {
        return Some(format!(
            "{} is not a valid URL: it contains whitespace",
            quote(url)
        ));
    }
    if url.chars().any(char::is_control) {
        return Some(format!(
            "{} is not a valid URL: it contains a control character",
            quote(url)
        ));
    }
    // By bytes (the delimiters are ASCII): `split` and `rsplit` bring their searchers.
    let end = rest
        .bytes()
        .position(|b| matches!(b, b'/' | b'?' | b'#'))
        .unwrap_or(rest.len());
    let authority = rest.get(..end).unwrap_or("");
    let host_port = match authority.bytes().rposition(|b| b == b'@') {
        Some(at) => authority.get(at + 1..).unwrap_or(""),
        None => authority,
    };
    let (host, port) = if let Some(v6) = host_port.strip_prefix('[') {
        match v6.split_once(']') {
            Some((inside, after)) => (inside, after.strip_prefix(':')),
            None => ("", None),
        }
    } else {
        match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return Some(format!(
            "{} is not a valid URL: the host is missing",
            quote(url)
        ));
    }
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return Some(format!(
                "{} is not a valid URL: the port is not a number",
                quote(url)
            ));
        }
    }
    None
}

/// What the details show for a media URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum MediaKind {
    /// `.jpg .jpeg .png .gif .webp .avif .svg` (but not a wiki's `/wiki/File:…` page).
    Image,
    /// A YouTube video, by its 11-character id.
    YouTube(String),
    /// A Vimeo video, by its number, with the hash of an unlisted one.
    Vimeo { id: String, hash: Option<String> },
    /// `.mp4 .webm .ogv`.
    Video,
    /// `.mp3 .ogg .oga .wav .m4a`.
    Audio,
    /// Anything else (a page, a post, a map): a link.
    #[default]
    Link,
}

const IMAGE: &[&str] = &["jpg", "jpeg", "png", "gif", "webp", "avif", "svg"];
const VIDEO: &[&str] = &["mp4", "webm", "ogv"];
const AUDIO: &[&str] = &["mp3", "ogg", "oga", "wav", "m4a"];

/// The parts of an http(s) URL that sort it: its host (lowercase, without `www.` or `m.`),
/// its path and its query. `None` for another scheme.
fn split(url: &str) -> Option<(String, &str, &str)> {
    let scheme_end = url.find("://")?;
    let scheme = url.get(..scheme_end)?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = url.get(scheme_end + 3..)?;
    let rest = rest.split('#').next().unwrap_or("");
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end)?;
    let after = rest.get(authority_end..)?;
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = host_port
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_owned();
    let (path, query) = after.split_once('?').unwrap_or((after, ""));
    Some((host, path, query))
}

fn is_youtube_id(id: &str) -> bool {
    id.len() == 11
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn youtube(host: &str, path: &str, query: &str) -> Option<String> {
    let id = if host == "youtu.be" {
        path.strip_prefix('/')?.split('/').next()?
    } else if matches!(
        host,
        "youtube.com" | "music.youtube.com" | "youtube-nocookie.com"
    ) {
        if path == "/watch" || path == "/watch/" {
            query.split('&').find_map(|p| p.strip_prefix("v="))?
        } else {
            let mut segments = path.split('/').skip(1);
            match segments.next()? {
                "embed" | "shorts" | "live" | "v" => segments.next()?,
                _ => return None,
            }
        }
    } else {
        return None;
    };
    is_youtube_id(id).then(|| id.to_owned())
}

fn vimeo(host: &str, path: &str, query: &str) -> Option<MediaKind> {
    if host != "vimeo.com" && host != "player.vimeo.com" {
        return None;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit());
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let id = segments.find(|s| digits(s))?;
    let hash_ok =
        |s: &str| !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric());
    let hash = segments
        .next()
        .filter(|s| hash_ok(s))
        .or_else(|| query.split('&').find_map(|p| p.strip_prefix("h=")))
        .filter(|s| hash_ok(s))
        .map(str::to_owned);
    Some(MediaKind::Vimeo {
        id: id.to_owned(),
        hash,
    })
}

/// The kind of media at `url` (which should be http(s); another scheme is a link, which
/// the validator refuses before).
pub fn kind(url: &str) -> MediaKind {
    let Some((host, path, query)) = split(url) else {
        return MediaKind::Link;
    };
    if let Some(id) = youtube(&host, path, query) {
        return MediaKind::YouTube(id);
    }
    if let Some(vimeo) = vimeo(&host, path, query) {
        return vimeo;
    }
    // A wiki's page about a file (Wikimedia Commons' `/wiki/File:Lake.jpg`) is a page.
    if path.starts_with("/wiki/") {
        return MediaKind::Link;
    }
    let last = path.rsplit('/').next().unwrap_or("");
    let Some((_, extension)) = last.rsplit_once('.') else {
        return MediaKind::Link;
    };
    let extension = extension.to_ascii_lowercase();
    let is = |list: &[&str]| list.contains(&extension.as_str());
    if is(IMAGE) {
        MediaKind::Image
    } else if is(VIDEO) {
        MediaKind::Video
    } else if is(AUDIO) {
        MediaKind::Audio
    } else {
        MediaKind::Link
    }
}

impl MediaKind {
    /// The player's address for a video on YouTube (its privacy-enhanced domain) or Vimeo
    /// (without tracking), to load once the reader asks for it; autoplay, since they did.
    pub fn embed_src(&self) -> Option<String> {
        match self {
            MediaKind::YouTube(id) => Some(format!(
                "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"
            )),
            MediaKind::Vimeo { id, hash } => Some(match hash {
                Some(h) => format!("https://player.vimeo.com/video/{id}?h={h}&dnt=1&autoplay=1"),
                None => format!("https://player.vimeo.com/video/{id}?dnt=1&autoplay=1"),
            }),
            _ => None,
        }
    }

    /// The name of the host a video plays from, for the placeholder.
    pub fn host_name(&self) -> Option<&'static str> {
        match self {
            MediaKind::YouTube(_) => Some("YouTube"),
            MediaKind::Vimeo { .. } => Some("Vimeo"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_sorted_by_its_host_path_and_extension() {
        let yt = |id: &str| MediaKind::YouTube(id.to_owned());
        let vimeo = |id: &str, hash: Option<&str>| MediaKind::Vimeo {
            id: id.to_owned(),
            hash: hash.map(str::to_owned),
        };
        let cases: &[(&str, MediaKind)] = &[
            // YouTube: watch, short links, shorts, embeds, live, mobile, music.
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "http://m.youtube.com/watch?v=dQw4w9WgXcQ#t=1",
                yt("dQw4w9WgXcQ"),
            ),
            ("https://youtu.be/dQw4w9WgXcQ", yt("dQw4w9WgXcQ")),
            ("https://youtu.be/dQw4w9WgXcQ?t=10", yt("dQw4w9WgXcQ")),
            (
                "https://www.youtube.com/shorts/abcdefghi_-",
                yt("abcdefghi_-"),
            ),
            (
                "https://www.youtube.com/embed/dQw4w9WgXcQ",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "https://www.youtube.com/live/dQw4w9WgXcQ",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
                yt("dQw4w9WgXcQ"),
            ),
            (
                "https://music.youtube.com/watch?v=dQw4w9WgXcQ",
                yt("dQw4w9WgXcQ"),
            ),
            // Not a video id: a link (never an embed of something made up).
            ("https://www.youtube.com/watch?v=short", MediaKind::Link),
            (
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"x",
                MediaKind::Link,
            ),
            ("https://www.youtube.com/channel/UC123", MediaKind::Link),
            ("https://www.youtube.com/", MediaKind::Link),
            (
                "https://notyoutube.com/watch?v=dQw4w9WgXcQ",
                MediaKind::Link,
            ),
            (
                "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
                MediaKind::Link,
            ),
            // Vimeo.
            ("https://vimeo.com/76979871", vimeo("76979871", None)),
            (
                "https://vimeo.com/channels/staffpicks/76979871",
                vimeo("76979871", None),
            ),
            (
                "https://player.vimeo.com/video/76979871?h=abc123",
                vimeo("76979871", Some("abc123")),
            ),
            (
                "https://vimeo.com/76979871/abc123",
                vimeo("76979871", Some("abc123")),
            ),
            ("https://vimeo.com/about", MediaKind::Link),
            // Files, by extension (case aside, query and fragment aside).
            ("https://x.example/a.jpg", MediaKind::Image),
            ("https://x.example/a/b.JPEG?w=300", MediaKind::Image),
            ("https://x.example/a.png#top", MediaKind::Image),
            ("https://x.example/a.gif", MediaKind::Image),
            ("https://x.example/a.webp", MediaKind::Image),
            ("https://x.example/a.avif", MediaKind::Image),
            ("https://x.example/a.svg", MediaKind::Image),
            ("https://x.example/v.mp4", MediaKind::Video),
            ("https://x.example/v.webm", MediaKind::Video),
            ("https://x.example/v.ogv", MediaKind::Video),
            ("https://x.example/s.mp3", MediaKind::Audio),
            ("https://x.example/s.ogg", MediaKind::Audio),
            ("https://x.example/s.oga", MediaKind::Audio),
            ("https://x.example/s.wav", MediaKind::Audio),
            ("https://x.example/s.M4A", MediaKind::Audio),
            // Others: links.
            ("https://twitter.com/user/status/1", MediaKind::Link),
            ("https://en.wikipedia.org/wiki/Timeline", MediaKind::Link),
            (
                "https://commons.wikimedia.org/wiki/File:Lake.jpg",
                MediaKind::Link,
            ),
            (
                "https://upload.wikimedia.org/wikipedia/commons/c/c5/Lake.jpg",
                MediaKind::Image,
            ),
            ("https://www.google.com/maps/place/Tehran", MediaKind::Link),
            ("https://x.example/page.html", MediaKind::Link),
            ("https://x.example/jpg", MediaKind::Link),
            ("https://x.example.png/", MediaKind::Link),
            // Not http(s): never an embed (the validator refuses them first).
            ("javascript:alert(1)//a.png", MediaKind::Link),
            ("data:image/png;base64,AAAA", MediaKind::Link),
            ("ftp://x.example/a.png", MediaKind::Link),
            ("//x.example/a.png", MediaKind::Link),
            ("", MediaKind::Link),
        ];
        for (url, expected) in cases {
            assert_eq!(&kind(url), expected, "{url}");
        }
    }

    #[test]
    fn players_load_from_the_privacy_enhanced_hosts() {
        assert_eq!(
            kind("https://youtu.be/dQw4w9WgXcQ").embed_src().as_deref(),
            Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1")
        );
        assert_eq!(
            kind("https://vimeo.com/76979871").embed_src().as_deref(),
            Some("https://player.vimeo.com/video/76979871?dnt=1&autoplay=1")
        );
        assert_eq!(
            kind("https://vimeo.com/76979871/abc")
                .embed_src()
                .as_deref(),
            Some("https://player.vimeo.com/video/76979871?h=abc&dnt=1&autoplay=1")
        );
        assert_eq!(MediaKind::Image.embed_src(), None);
        assert_eq!(MediaKind::Link.host_name(), None);
    }

    #[test]
    fn no_input_panics() {
        for url in [
            "https://",
            "https://?",
            "https://@",
            "http://:x",
            "https://é/ü.mp3",
            "https://a/.",
            "https://a/b.",
        ] {
            let _ = kind(url);
        }
    }
}
