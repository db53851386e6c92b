// Line editing for the terminal form, from Debian libedit-dev (BSD licensed).
#include <stdio.h>
#include <editline/readline.h>

/// Sets libedit's key reader (`--auto-advance` hands a key it read on to the line); a function,
/// because Swift 6 refuses to touch a mutable C global directly. Set before the first line.
static inline void survey_set_getc(int (*getc)(FILE *)) { rl_getc_function = getc; }

/// Tab types a tab: libedit's default, completion, has nothing to complete here and dropped the
/// tab of a pasted answer without a trace.
static inline void survey_tab_inserts_itself(void) { rl_bind_key('\t', rl_insert); }
