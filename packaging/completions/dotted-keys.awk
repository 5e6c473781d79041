        # The dotted keys of the document `get-all --pretty` prints (two-space
        # indentation): members of objects at any depth, not inside arrays.
        # No backslash in here, so each shell can quote it alike.
        BEGIN { bs = sprintf("%c", 92) }
        {
            match($0, /^ */); depth = RLENGTH / 2; rest = substr($0, RLENGTH + 1)
            opens = rest ~ /[[{]$/
            if (match(rest, /^"[^"]*": /) && !index(key = substr(rest, 2, RLENGTH - 4), bs)) {
                gsub(/[.]/, bs ".", key)
                path[depth] = (depth > 1 ? path[depth - 1] "." : "") key
                if (!hidden[depth - 1]) print path[depth]
                if (opens) hidden[depth] = hidden[depth - 1] || rest ~ /[[]$/
            } else if (depth == 0) {
                hidden[0] = 0
            } else if (opens) {
                hidden[depth] = 1   # an array element, or a key we cannot write: nothing below
            }
        }
