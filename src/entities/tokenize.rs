//! Running text to tokens and rough sentences, the way CoNLL-2003 cut its Reuters text.
//!
//! Brief overview. [`Tokens::fill`] makes one pass over the bytes of an article and appends [`Token`]s
//! (byte offsets into the text) and sentence ranges to buffers that the caller reuses, so tagging an
//! article allocates nothing once the buffers have grown. The cuts follow CoNLL so the trained tagger
//! sees what it was trained on: punctuation and quotes are tokens of their own, a possessive `'s` is
//! split off (`Organization` `'s`), hyphenated words stay whole (`secretary-general`, `COVID-19`),
//! abbreviations keep their dot (`U.S.`, `St.`, `Mr.`) and numbers keep their separators (`434,000`).
//!
//! Sentences are cut after `.`, `!` and `?`, at blank lines, and around every line that has letters but
//! no lower-case one (a Reuters headline or table row): the tagger has features for upper-case
//! sentences, which only work if such a line is a sentence of its own.

/// One token: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub fn as_str(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

/// The tokens of a text and its sentences, as ranges `tokens[start..end]`.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub sentences: Vec<(u32, u32)>,
    /// Which tokens are `<`: Reuters puts companies and tickers in angle brackets, and the rule
    /// pass looks at each pair (noted here, the tokeniser's pass costs nothing; a search of the
    /// text for them cost the rule pass 5%).
    pub angles: Vec<u32>,
}

/// Abbreviations whose dot belongs to the word (`Mr.`, `Corp.`). Single letters (`U.`, `J.`) always keep
/// it, and so does any word followed by a dot and a letter (`U.S.`).
fn keeps_dot(w: &[u8]) -> bool {
    if w.len() == 1 && w[0].is_ascii_alphabetic() {
        return true;
    }
    matches!(
        w,
        b"Mr"
            | b"Mrs"
            | b"Ms"
            | b"Dr"
            | b"St"
            | b"Ste"
            | b"Mt"
            | b"Ft"
            | b"Gen"
            | b"Sen"
            | b"Rep"
            | b"Gov"
            | b"Lt"
            | b"Col"
            | b"Capt"
            | b"Sgt"
            | b"Maj"
            | b"Prof"
            | b"Rev"
            | b"Jr"
            | b"Sr"
            | b"Inc"
            | b"Corp"
            | b"Co"
            | b"Ltd"
            | b"Bros"
            | b"Dept"
            | b"Jan"
            | b"Feb"
            | b"Mar"
            | b"Apr"
            | b"Aug"
            | b"Sep"
            | b"Sept"
            | b"Oct"
            | b"Nov"
            | b"Dec"
            | b"No"
            | b"vs"
    )
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

impl Tokens {
    /// Tokenises `text`, replacing what the buffers held.
    pub fn fill(&mut self, text: &str) {
        self.tokens.clear();
        self.sentences.clear();
        self.angles.clear();
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        let mut sent_start = 0u32;
        // Per-line state for upper-case lines.
        let mut line_first_tok = 0u32;
        let mut line_upper = 0u32;
        let mut line_lower = 0u32;
        let mut newlines = 0u32;
        while i < n {
            let c = b[i];
            if c.is_ascii_whitespace() {
                if c == b'\n' {
                    self.close_line(&mut sent_start, line_first_tok, line_upper, line_lower);
                    line_first_tok = self.tokens.len() as u32;
                    line_upper = 0;
                    line_lower = 0;
                    newlines += 1;
                    if newlines >= 2 {
                        self.cut(&mut sent_start);
                    }
                }
                i += 1;
                continue;
            }
            newlines = 0;
            let start = i;
            if is_word_byte(c) {
                i = scan_word(b, i);
                for &x in &b[start..i] {
                    line_upper += x.is_ascii_uppercase() as u32;
                    line_lower += x.is_ascii_lowercase() as u32;
                }
                self.push(start, i);
                continue;
            }
            if c == b'\'' && i + 1 < n && (b[i + 1] == b's' || b[i + 1] == b'S') {
                let after = b.get(i + 2).copied().unwrap_or(b' ');
                if !is_word_byte(after)
                    && !self.tokens.is_empty()
                    && start > 0
                    && is_word_byte(b[start - 1])
                {
                    i += 2;
                    self.push(start, i);
                    continue;
                }
            }
            // Punctuation: one character (a whole UTF-8 sequence is a word byte run, handled above).
            if c == b'<' {
                self.angles.push(self.tokens.len() as u32);
            }
            i += 1;
            if c == b'.' {
                while i < n && b[i] == b'.' {
                    i += 1;
                }
            }
            self.push(start, i);
            if matches!(c, b'.' | b'!' | b'?') {
                // A closing quote right after the stop belongs to this sentence.
                if i < n
                    && (b[i] == b'"' || b[i] == b'\'')
                    && b.get(i + 1).is_none_or(|x| x.is_ascii_whitespace())
                {
                    self.push(i, i + 1);
                    i += 1;
                }
                self.cut(&mut sent_start);
            }
        }
        self.close_line(&mut sent_start, line_first_tok, line_upper, line_lower);
        self.cut(&mut sent_start);
    }

    #[inline]
    fn push(&mut self, start: usize, end: usize) {
        self.tokens.push(Token {
            start: start as u32,
            end: end as u32,
        });
    }

    fn cut(&mut self, sent_start: &mut u32) {
        let end = self.tokens.len() as u32;
        if end > *sent_start {
            self.sentences.push((*sent_start, end));
        }
        *sent_start = end;
    }

    /// An upper-case line becomes a sentence of its own.
    fn close_line(&mut self, sent_start: &mut u32, first: u32, upper: u32, lower: u32) {
        let end = self.tokens.len() as u32;
        // A stop inside the line may already have cut part of it.
        let first = first.max(*sent_start);
        if upper >= 2 && lower == 0 && end > first {
            if first > *sent_start {
                self.sentences.push((*sent_start, first));
            }
            self.sentences.push((first, end));
            *sent_start = end;
        }
    }
}

/// Scans a word or number from `i` (a word byte); returns its end.
fn scan_word(b: &[u8], mut i: usize) -> usize {
    let start = i;
    let n = b.len();
    loop {
        while i < n && is_word_byte(b[i]) {
            i += 1;
        }
        if i + 1 >= n {
            break;
        }
        let c = b[i];
        let next = b[i + 1];
        match c {
            // `secretary-general`, `COVID-19`, `O'Neill`, `AT&T`; but `'s` is a token of its own.
            b'-' | b'&' if is_word_byte(next) => i += 1,
            b'\''
                if is_word_byte(next)
                    && !((next == b's' || next == b'S')
                        && !b.get(i + 2).is_some_and(|&x| is_word_byte(x))) =>
            {
                i += 1
            }
            // `434,000`, `7.9`.
            b',' | b'.' | b':' | b'/' if b[i - 1].is_ascii_digit() && next.is_ascii_digit() => {
                i += 1
            }
            // `U.S.`: a dot followed by a letter (no space) continues the word.
            b'.' if next.is_ascii_alphabetic() && i - start <= 3 => i += 1,
            _ => break,
        }
    }
    // A final dot stays with abbreviations and dotted acronyms (`U.S.`, `St.`).
    if i < n && b[i] == b'.' {
        let w = &b[start..i];
        if keeps_dot(w) || w.contains(&b'.') {
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Vec<&str>> {
        let mut t = Tokens::default();
        t.fill(text);
        t.sentences
            .iter()
            .map(|&(a, b)| {
                t.tokens[a as usize..b as usize]
                    .iter()
                    .map(|k| k.as_str(text))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn conll_like_cuts() {
        assert_eq!(
            toks("Vladimir Norov, the Shanghai Cooperation Organization's (SCO) secretary-general, said."),
            vec![vec![
                "Vladimir", "Norov", ",", "the", "Shanghai", "Cooperation", "Organization", "'s", "(", "SCO",
                ")", "secretary-general", ",", "said", "."
            ]]
        );
        assert_eq!(
            toks("Mr. Smith went to the U.S. in St. Petersburg. It cost 434,000 or 7.9 mln."),
            vec![
                vec![
                    "Mr.",
                    "Smith",
                    "went",
                    "to",
                    "the",
                    "U.S.",
                    "in",
                    "St.",
                    "Petersburg",
                    "."
                ],
                vec!["It", "cost", "434,000", "or", "7.9", "mln", "."]
            ]
        );
    }

    #[test]
    fn angle_brackets_are_noted() {
        let text = "Talks with <Airbus Industrie> and Ford <F> ended.";
        let mut t = Tokens::default();
        t.fill(text);
        let at: Vec<&str> = t
            .angles
            .iter()
            .map(|&i| t.tokens[i as usize].as_str(text))
            .collect();
        assert_eq!(at, vec!["<", "<"]);
        assert_eq!(t.tokens[t.angles[0] as usize + 1].as_str(text), "Airbus");
        t.fill("No brackets.");
        assert!(t.angles.is_empty());
    }

    #[test]
    fn upper_case_lines_are_sentences() {
        assert_eq!(
            toks("BAHIA COCOA REVIEW\nShowers continued in Bahia"),
            vec![
                vec!["BAHIA", "COCOA", "REVIEW"],
                vec!["Showers", "continued", "in", "Bahia"]
            ]
        );
        assert_eq!(
            toks("\"It ends,\" he said.\n\nNext"),
            vec![
                vec!["\"", "It", "ends", ",", "\"", "he", "said", "."],
                vec!["Next"]
            ]
        );
    }
}
