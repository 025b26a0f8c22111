//! "Did you mean ...?": the candidates nearest to a misspelt name.

/// Up to three of `candidates` within a small edit distance of `input` (ASCII case ignored),
/// nearest first, without duplicates.
pub fn nearest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let input = input.trim().to_ascii_lowercase();
    if input.is_empty() {
        return Vec::new();
    }
    let limit = (input.chars().count() / 4).clamp(1, 3);
    let mut found: Vec<(usize, &str)> = Vec::new();
    for candidate in candidates {
        if found
            .iter()
            .any(|(_, seen)| seen.eq_ignore_ascii_case(candidate))
        {
            continue;
        }
        let distance = levenshtein(&input, &candidate.to_ascii_lowercase());
        if distance <= limit {
            found.push((distance, candidate));
        }
    }
    found.sort_by_key(|&(distance, _)| distance);
    found.into_iter().take(3).map(|(_, name)| name).collect()
}

/// `" (did you mean A or B?)"`, or nothing.
pub fn hint(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!(" (did you mean {one}?)"),
        [init @ .., last] => format!(" (did you mean {} or {last}?)", init.join(", ")),
    }
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitute.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}
