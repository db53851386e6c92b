// Line editing for the terminal form, from Debian libedit-dev (BSD licensed).
#include <stdio.h>
#include <editline/readline.h>
