/*
 * html_tmpl_limits: the bounds of a template and of one render (html_tmpl.h
 * documents them and their messages). Apart so that the parser
 * (html_tmpl.c) and the renderer (html_tmpl_tree.c) share them while the
 * calls go one way, from the parser to the tree.
 */
#ifndef SHINSA_FORMATS_HTML_TMPL_LIMITS_H
#define SHINSA_FORMATS_HTML_TMPL_LIMITS_H

#define TMPL_MAX_SIZE (256u * 1024u)       /* bytes of one template */
#define TMPL_MAX_NESTING 32                 /* blocks inside blocks */
#define TMPL_MAX_PARTIALS 16                /* partials inside partials */
#define TMPL_MAX_OUTPUT (8u * 1024u * 1024u) /* bytes one render adds */
#define TMPL_MAX_STEPS (1L << 22)           /* nodes one render visits */

#endif
