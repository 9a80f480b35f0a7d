/* tdm-document.c: being written. */
#include "config.h"
#include "tdm-document.h"
