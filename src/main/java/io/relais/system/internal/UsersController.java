package io.relais.system.internal;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.relais.http.ApiProblem;
import io.relais.system.AppUser;
import io.relais.system.UserAccounts;

/**
 * {@code PUT /api/users} (administrators): create or update an editor or administrator and their languages. The
 * fields are checked at the door (400 with the fields at fault); the rules are {@link UserAccounts}', the console's too.
 */
@RestController
@RequestMapping("/api/users")
class UsersController {

    record UserRequest(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
                       @NotBlank @Size(min = 12, max = 200) String password,
                       @NotBlank @Pattern(regexp = "EDITOR|ADMIN") String role,
                       List<String> languages) {
    }

    /** The saved user, without its password hash. */
    record UserView(String username, String role, List<String> languages) {
    }

    private final UserAccounts accounts;

    UsersController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PutMapping
    UserView save(@Valid @RequestBody UserRequest request) {
        try {
            AppUser user = accounts.save(request.username(), request.password(), request.role(),
                    request.languages() == null ? List.of() : request.languages());
            return new UserView(user.username(), user.role(), user.languages());
        } catch (IllegalArgumentException refused) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, refused.getMessage());
        }
    }
}
