package io.relais.terminology.internal;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relais.http.ApiProblem;
import io.relais.terminology.NewsroomDictionary;

/**
 * {@code /api/dictionary/{lang}}: the newsroom dictionary of a language — list, add ({@code POST {"word": "..."}}),
 * remove ({@code DELETE /api/dictionary/{lang}/{word}}). Editors add words from the workbench.
 */
@RestController
@RequestMapping("/api/dictionary/{lang}")
class DictionaryController {

    record WordRequest(String word) {
    }

    private final NewsroomDictionary dictionary;

    DictionaryController(NewsroomDictionary dictionary) {
        this.dictionary = dictionary;
    }

    @GetMapping
    List<NewsroomDictionary.Word> list(@PathVariable String lang) {
        try {
            return dictionary.list(lang);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @PostMapping
    ResponseEntity<NewsroomDictionary.Word> add(@PathVariable String lang, @RequestBody WordRequest request,
                                                Principal principal) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(dictionary.add(lang, request == null ? null
                    : request.word(), principal.getName()));
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    @DeleteMapping("/{word}")
    ResponseEntity<Void> remove(@PathVariable String lang, @PathVariable String word) {
        try {
            if (!dictionary.remove(lang, word)) {
                throw new ApiProblem(HttpStatus.NOT_FOUND, "no word " + word + " in the " + lang + " dictionary");
            }
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return ResponseEntity.noContent().build();
    }
}
