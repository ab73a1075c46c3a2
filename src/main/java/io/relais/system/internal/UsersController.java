package io.relais.system.internal;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.relais.system.AppUser;
import io.relais.system.Users;
import io.relais.translation.TargetLanguages;
import io.relais.http.ApiProblem;

/** {@code PUT /api/users} (administrators): create or update an editor or administrator and their languages. */
@RestController
@RequestMapping("/api/users")
class UsersController {

    record UserRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                       @NotBlank @Size(min = 12, max = 200) String password,
                       @NotBlank @Pattern(regexp = "EDITOR|ADMIN") String role,
                       List<String> languages) {
    }

    private final Users users;
    private final List<String> languages;

    UsersController(Users users, TargetLanguages languages) {
        this.users = users;
        this.languages = languages.languages();
    }

    @PutMapping
    ResponseEntity<Map<String, Object>> save(@Valid @RequestBody UserRequest request) {
        List<String> langs = request.languages() == null ? List.of() : request.languages();
        if (!languages.containsAll(langs)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "languages must be among " + languages);
        }
        if ("EDITOR".equals(request.role()) && langs.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "an editor reviews at least one language");
        }
        AppUser user = users.save(request.username(), request.password(), request.role(), langs);
        return ResponseEntity.status(HttpStatus.OK).body(Map.of("username", user.username(), "role", user.role(),
                "languages", user.languages()));
    }
}
