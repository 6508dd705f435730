//! HTML as plain text, for TimelineJS slides: tags dropped (paragraphs and line breaks become
//! spaces), entities decoded, white space squashed.

/// Named entities TimelineJS text commonly uses.
const NAMED: [(&str, &str); 24] = [
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("copy", "©"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("aacute", "á"),
    ("oacute", "ó"),
    ("uuml", "ü"),
    ("ouml", "ö"),
    ("auml", "ä"),
    ("ccedil", "ç"),
];

pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        if c == '<'
            && let Some(end) = rest.find('>')
        {
            out.push(' ');
            rest = &rest[end + 1..];
        } else if c == '&'
            && let Some((decoded, len)) = entity(rest)
        {
            out.push_str(&decoded);
            rest = &rest[len..];
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of the entity at the start of `text` (`&amp;`, `&#39;`, `&#x2014;`) and its length.
fn entity(text: &str) -> Option<(String, usize)> {
    let end = text.get(..12.min(text.len()))?.find(';')?;
    let name = &text[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)?.to_string()
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1.to_owned()
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::to_text;

    #[test]
    fn tags_go_and_entities_are_decoded() {
        assert_eq!(
            to_text("<p>Tom &amp; Jerry&#39;s <b>war</b> &mdash; &#x263A;</p><p>next</p>"),
            "Tom & Jerry's war — ☺ next"
        );
        assert_eq!(to_text("a < b & c"), "a < b & c");
    }
}
