#!/usr/bin/env bash
# The CLI's own --help is the list of what it can do: every command,
# subcommand and option it names must be in the man page and be offered by
# the bash, zsh and fish completions, so that a change to the CLI cannot
# leave them behind. The bash and fish completions are run for real (bash's
# function, fish's `complete -C`) on a real settings file, which also shows
# that they offer its backup names and keys.
# Options a command reads in the CLI's sources (flag("x") / option("x"))
# but --help does not list are checked against the docs too.
# Usage: test-cli-docs.sh CLI MAN_PAGE COMPLETIONS_DIR CLI_SOURCE_DIR
set -euo pipefail
CLI="$1"
MAN="$2"
COMP="$3"
CLI_SOURCES="$4"
BASH_COMP="$COMP/tad-settings-cli.bash"
ZSH_COMP="$COMP/_tad-settings-cli"
FISH_COMP="$COMP/tad-settings-cli.fish"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

help="$("$CLI" --help)"
# The lines of the Commands: list that start a command (two spaces, a word).
command_lines="$(awk '/^Commands:/ {on = 1; next} /^Options:/ {on = 0} on && /^  [a-z]/' <<<"$help")"
# A first word on several lines is a command with subcommands when the
# second word is a word too ("backup create"; not "migrate --dry-run").
entries="$(awk '{count[$1]++; line[NR] = $0}
    END {
        for (i = 1; i <= NR; i++) {
            split(line[i], w, " ")
            if (count[w[1]] > 1 && w[2] ~ /^[a-z]/) print w[1] " " w[2]; else print w[1]
        }
    }' <<<"$command_lines" | sort -u)"
commands="$(awk '{print $1}' <<<"$entries" | sort -u)"
globals="$(awk '/^Options:/ {on = 1} on' <<<"$help" | grep -o -- '--[a-z][a-z-]*' | sort -u)"
[ "$(wc -l <<<"$entries")" -ge 20 ] || fail "too few commands read from --help: $entries"
[ "$(wc -l <<<"$globals")" -ge 6 ] || fail "too few options read from --help: $globals"
# The options a command takes: those on its own line(s) of the help.
options_of() { grep -E "^  $1( |$)" <<<"$command_lines" | grep -o -- '--[a-z][a-z-]*' | sort -u || true; }

# The man page: each command opens an item, each option is named.
man_text="$(sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\(aq/'"'"'/g' "$MAN")"
man_items="$(awk 'item {sub(/^\.B[IR]* /, ""); print; item = 0} /^\.TP/ {item = 1}' <<<"$man_text")"
while read -r entry; do
    grep -qE "^$entry( |$)" <<<"$man_items" || fail "man page: no item for '$entry'"
done <<<"$entries"
for option in $globals $(for c in $commands; do options_of "$c"; done); do
    grep -qE -- "$option([^a-z-]|$)" <<<"$man_text" || fail "man page: $option is not described"
done

# bash: the completion function, run as bash would.
bash_complete() {
    bash -c 'source "$1"; shift
             COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
             _tad_settings_cli; printf "%s\n" "${COMPREPLY[@]}"' _ "$BASH_COMP" "$CLI" "$@"
}
# fish: one fish for all queries; each answer follows a "### query" line.
fish_queries=()
fish_ask() { fish_queries+=("$*"); }
fish_answers=""
fish_run() {
    local script="$WORK/queries.fish"
    printf 'source %q\n' "$FISH_COMP" >"$script"
    for q in "${fish_queries[@]}"; do
        printf 'echo "### %s"\ncomplete -C %q\n' "$q" "tad-settings-cli $q" >>"$script"
    done
    fish_answers="$(HOME="$WORK" PATH="$(dirname "$CLI"):$PATH" fish --no-config "$script" | cut -f1)"
}
fish_answer() { awk -v q="### $*" '$0 == q {on = 1; next} /^### / {on = 0} on' <<<"$fish_answers"; }
offered() { grep -qx -- "$2" <<<"$1"; }

config="$WORK/tad-config.json"
"$CLI" --config "$config" set settings.fontSize 16 >/dev/null
backup="$("$CLI" --config "$config" backup create --label test | awk '{print $1}')"

for c in $commands; do
    offered "$(bash_complete "${c:0:2}")" "$c" || fail "bash: command $c is not offered for '${c:0:2}'"
    fish_ask "${c:0:2}"
    grep -q "'$c:" "$ZSH_COMP" || fail "zsh: command $c is not in the list"
done
while read -r entry; do
    [ "$entry" = "${entry#* }" ] && continue
    c="${entry%% *}" sub="${entry#* }"
    offered "$(bash_complete "$c" "")" "$sub" || fail "bash: '$c $sub' is not offered"
    fish_ask "$c "
    grep -qE "(^|[ (])'?$sub[:)]" "$ZSH_COMP" || fail "zsh: '$c $sub' is not there"
done <<<"$entries"
while read -r entry; do
    # shellcheck disable=SC2086
    words=($entry)
    for option in $(options_of "$entry") $globals; do
        offered "$(bash_complete "${words[@]}" --)" "$option" || fail "bash: '$entry' does not offer $option"
        grep -qF -- "'$option" "$ZSH_COMP" || grep -qF -- "$option[" "$ZSH_COMP" || grep -qF -- "'{-h,$option}" "$ZSH_COMP" ||
            fail "zsh: $option is not there"
    done
    fish_ask "$entry --"
done <<<"$entries"

# Values read from the file: a backup's name, a key, conf versions.
offered "$(bash_complete --config "$config" backup show "")" "$backup" || fail "bash: backup $backup is not offered"
offered "$(bash_complete --config "$config" get settings.f)" settings.fontSize || fail "bash: key settings.fontSize is not offered"
offered "$(bash_complete --compat "")" conf10 || fail "bash: --compat does not offer conf10"
fish_ask "--config $config backup show "
fish_ask "--config $config get settings.f"
fish_run
for c in $commands; do
    offered "$(fish_answer "${c:0:2}")" "$c" || fail "fish: command $c is not offered for '${c:0:2}'"
done
while read -r entry; do
    if [ "$entry" != "${entry#* }" ]; then
        offered "$(fish_answer "${entry%% *} ")" "${entry#* }" || fail "fish: '$entry' is not offered"
    fi
    for option in $(options_of "$entry") $globals; do
        offered "$(fish_answer "$entry --")" "$option" || fail "fish: '$entry' does not offer $option"
    done
done <<<"$entries"
offered "$(fish_answer "--config $config backup show ")" "$backup" || fail "fish: backup $backup is not offered"
offered "$(fish_answer "--config $config get settings.f")" settings.fontSize || fail "fish: key settings.fontSize is not offered"

zsh -n "$ZSH_COMP" || fail "zsh: $ZSH_COMP does not parse"

# Options the sources read that --help does not name.
unlisted=""
for option in $(grep -hoE '(flag|option)\(QStringLiteral\("[a-z][a-z-]*"\)' "$CLI_SOURCES"/*.cpp |
                sed -E 's/.*"([a-z-]+)".*/--\1/' | sort -u); do
    grep -qE -- "$option([^a-z-]|$)" <<<"$help" && continue
    unlisted="$unlisted $option"
    grep -qE -- "$option([^a-z-]|$)" <<<"$man_text" || fail "man page: $option (read in $CLI_SOURCES) is not described"
    grep -qF -- "$option" "$BASH_COMP" || fail "bash: $option (read in $CLI_SOURCES) is not there"
    grep -qF -- "'$option" "$ZSH_COMP" || fail "zsh: $option (read in $CLI_SOURCES) is not there"
    grep -qE -- "-l ${option#--}( |$)" "$FISH_COMP" || fail "fish: $option (read in $CLI_SOURCES) is not there"
done
[ -z "$unlisted" ] || echo "note: options the CLI reads but --help does not list:$unlisted (checked in the docs too)"

# docs/CLI.md: each command and subcommand of the table is named in bold
# code where its paragraph starts (**`backup label NAME LABEL ...`**; a few
# that share one paragraph are named in a row).
CLI_DOC="$CLI_SOURCES/../../docs/CLI.md"
if [ -f "$CLI_DOC" ]; then
    while read -r entry; do
        grep -qE '(^|, )\*\*`'"$entry"'( |`)' "$CLI_DOC" || fail "docs/CLI.md: no paragraph for '$entry'"
    done <<<"$entries"
else
    fail "docs/CLI.md is not at $CLI_DOC"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "ok: $(wc -l <<<"$entries") commands and $(for c in $commands; do options_of "$c"; done | sort -u | wc -l) command options" \
     "+ $(wc -l <<<"$globals") global options of --help are in the man page and offered by bash, zsh and fish"
